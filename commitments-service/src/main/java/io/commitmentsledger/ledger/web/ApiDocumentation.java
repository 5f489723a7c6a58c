package io.commitmentsledger.ledger.web;

import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.security.SecurityDocumentation;
import io.commitmentsledger.web.openapi.Problems;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;

/**
 * What every endpoint's OpenAPI description shares: its problem responses, named by their problem types, and the
 * {@code ETag} header. Each feature describes its own operations with these ({@code OperationCustomizer}s beside
 * its controllers).
 */
public final class ApiDocumentation {

    /** An id, such as a commitment's, as JSON Schema states it. */
    public static final String SLUG = "^" + Checks.SLUG_FORMAT + "$";

    /** The largest version, sequence or position: a Java long. */
    public static final String LARGEST = "9223372036854775807";

    /** The problem type of Spring MVC's and the container's protocol errors. */
    public static final String HTTP_PROTOCOL = "http-protocol";

    private ApiDocumentation() {}

    /** An error status and the problem types it answers, such as {@code 404: commitment-not-found}. */
    public static ApiResponse problem(Operation operation, int status, String when, String... types) {
        return Problems.add(operation, status, when + " (" + types(types) + ")");
    }

    /**
     * What any endpoint shares: its path's ids are slugs ({@code commitmentId}, {@code workshopId}) and positions
     * numbers; it needs a bearer token (401 without a good one, 403 from {@code refusingRules}); it answers 406 for an Accept it cannot serve, 503 while the database is away (unless the endpoint
     * declares its own 503, which then names database-unavailable too) and 500 for a bug.
     */
    public static void anyEndpoint(Operation operation, List<String> refusingRules) {
        SecurityDocumentation.secured(operation, refusingRules);
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                switch (parameter.getName()) {
                    case "commitmentId" -> parameter.schema(slug(CommitmentId.MAX_LENGTH));
                    case "workshopId" -> parameter.schema(slug(WorkshopId.MAX_LENGTH));
                    case "globalPosition" -> parameter.schema(Problems.integer(0, Long.MAX_VALUE));
                    default -> {}
                }
            }
        }
        problem(operation, 406, "The Accept header admits no JSON", HTTP_PROTOCOL);
        if (operation.getResponses() == null || !operation.getResponses().containsKey("503")) {
            retryLater(operation, "The database cannot be reached", slug(ProblemType.DATABASE_UNAVAILABLE));
        }
        problem(operation, 500, "A bug: logged, and nothing recorded", slug(ProblemType.INTERNAL_ERROR));
    }

    /** A 503 with {@code Retry-After}: the problem types it answers are worth retrying. */
    public static ApiResponse retryLater(Operation operation, String when, String... types) {
        return problem(operation, 503, when, types)
                .addHeaderObject(
                        HttpHeaders.RETRY_AFTER,
                        Problems.header("Seconds to wait before retrying", Problems.string(10), true));
    }

    /** {@code ETag}: the commitment's version, such as {@code "3"}. */
    public static Header etag(String description) {
        return Problems.header(description, entityTag(), true);
    }

    public static Schema<?> slug(int maxLength) {
        return Problems.string(maxLength).minLength(Checks.SLUG_MIN_LENGTH).pattern(SLUG);
    }

    public static Schema<?> entityTag() {
        return Problems.string(21).pattern("^\"[0-9]{1,19}\"$").example("\"3\"");
    }

    /** The slug of a problem type, as the descriptions name it. */
    public static String slug(ProblemType type) {
        return type.type().toString().substring(ProblemType.BASE.length());
    }

    private static String types(String... types) {
        return Arrays.stream(types).collect(Collectors.joining(", "));
    }
}
