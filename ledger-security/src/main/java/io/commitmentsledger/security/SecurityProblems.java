package io.commitmentsledger.security;

import io.commitmentsledger.web.problems.ContainerProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** The two refusals as RFC 9457 problems: 401 unauthorized and 403 forbidden (with the rule that refused). */
public final class SecurityProblems {

    public static final URI UNAUTHORIZED = URI.create(ContainerProblems.BASE + "unauthorized");
    public static final URI FORBIDDEN = URI.create(ContainerProblems.BASE + "forbidden");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SecurityProblems() {}

    public static ProblemDetail unauthorized(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setType(UNAUTHORIZED);
        problem.setTitle("Authentication required");
        return problem;
    }

    public static ProblemDetail forbidden(String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(FORBIDDEN);
        problem.setTitle("Not allowed");
        problem.setProperty("rule", rule);
        return problem;
    }

    /**
     * 403 for a refusal a service finds past the endpoint's rule (the command names another actor, the commitment is
     * not the caller's party's), logged like every refusal: the request, the caller and the rule.
     */
    public static ProblemDetail refused(HttpServletRequest request, String rule, String detail) {
        Refusals.logForbidden(request, rule, detail);
        return forbidden(rule, detail);
    }

    /** Writes a problem where no Spring MVC converter runs (the security filters answer before the controllers). */
    static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.getType().toString());
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(fields));
    }
}
