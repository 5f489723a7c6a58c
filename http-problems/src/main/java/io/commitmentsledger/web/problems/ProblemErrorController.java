package io.commitmentsledger.web.problems;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error path Tomcat forwards to when it refuses a request it has already mapped to the application ({@code TRACE},
 * a body whose chunked framing is broken, too many cookies) or when a failure escapes Spring MVC: answered as
 * problem+json, in place of Spring Boot's {@code BasicErrorController} and its plain JSON. Asked for directly, the error
 * path is an unknown path like any other, and no endpoint of the API's description.
 */
@Hidden
@RestController
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            return answer(ContainerProblems.forStatus(HttpStatus.NOT_FOUND.value()));
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code
                : HttpStatus.INTERNAL_SERVER_ERROR.value();
        ProblemDetail problem = ContainerProblems.forStatus(status);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // Left out rather than repeated back.
            }
        }
        return answer(problem);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
