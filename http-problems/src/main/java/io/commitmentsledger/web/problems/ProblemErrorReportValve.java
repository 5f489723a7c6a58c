package io.commitmentsledger.web.problems;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report as problem+json instead of its HTML page: the answer to what Tomcat refuses before any servlet
 * could run, such as a malformed path, an oversized request line or header, or {@code CONNECT}. Errors that reach the
 * application are answered by {@link ProblemErrorController} first; this valve writes only what is still unanswered,
 * with the checks Tomcat's own report makes.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                // No instance: the request's path may be what was wrong. No negotiation either, whatever the Accept.
                writer.write(ContainerProblems.json(ContainerProblems.forStatus(status)));
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response is committed after all: there is no one left to tell.
        }
    }
}
