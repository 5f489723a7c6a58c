package io.commitmentsledger.projection.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that is not there, for a reader's browser: an HTML page saying so (404), with the way back. Clients that do
 * not ask for HTML get the API's problem+json, as for everything else that fails ({@link ProblemResponses}).
 */
@ControllerAdvice(assignableTypes = PagesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final Freshness freshness;

    PageErrors(Freshness freshness) {
        this.freshness = freshness;
    }

    @ExceptionHandler
    Object notFound(NotFound e, HttpServletRequest request) {
        if (!wantsHtml(request)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemResponses.notFoundProblem(e));
        }
        ModelAndView page = new ModelAndView("not-found", HttpStatus.NOT_FOUND);
        page.addObject("message", e.getMessage());
        page.addObject("freshness", freshness.now());
        return page;
    }

    /** Whether the client asks for HTML by name, as browsers do. */
    static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = range.split(";");
            if (parts[0].strip().equals("text/html")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].replace(" ", "");
                    if (parameter.equals("q=0") || parameter.matches("q=0\\.0*")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
