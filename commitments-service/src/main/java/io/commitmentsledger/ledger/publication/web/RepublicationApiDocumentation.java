package io.commitmentsledger.ledger.publication.web;

import static io.commitmentsledger.ledger.web.ApiDocumentation.HTTP_PROTOCOL;
import static io.commitmentsledger.ledger.web.ApiDocumentation.problem;
import static io.commitmentsledger.ledger.web.ApiDocumentation.slug;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.ledger.publication.Republication.Republished;
import io.commitmentsledger.ledger.web.ApiDocumentation;
import io.commitmentsledger.ledger.web.LedgerAccess;
import io.commitmentsledger.ledger.web.ProblemType;
import io.commitmentsledger.security.SecurityDocumentation;
import io.commitmentsledger.web.openapi.Problems;
import io.commitmentsledger.web.openapi.RecordSchemas;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/** Documents the re-publication endpoint as it answers: its statuses and problem types, and its fields. */
@Configuration(proxyBeanMethods = false)
class RepublicationApiDocumentation {

    @Bean
    OperationCustomizer republicationResponsesInOpenApi() {
        return (operation, handler) -> {
            if (handler.getBeanType() != RepublicationController.class) {
                return operation;
            }
            Problems.success(operation, 200, "Every requested event is on the topic again; how many there were");
            problem(
                    operation,
                    400,
                    "Invalid or contradictory fields (errors lists each), or a body that is not a JSON object of the"
                            + " request's shape",
                    slug(ProblemType.INVALID_REQUEST),
                    slug(ProblemType.MALFORMED_REQUEST),
                    HTTP_PROTOCOL);
            problem(operation, 404, "No such commitment has been agreed", slug(ProblemType.COMMITMENT_NOT_FOUND));
            problem(operation, 413, "The body is larger than 64 KiB", slug(ProblemType.REQUEST_TOO_LARGE));
            problem(operation, 415, "The body is not sent as application/json", HTTP_PROTOCOL);
            problem(
                            operation,
                            503,
                            "Kafka did not acknowledge every record; repeating the request is safe",
                            slug(RepublicationProblems.KAFKA_UNAVAILABLE))
                    .addHeaderObject(
                            HttpHeaders.RETRY_AFTER,
                            Problems.header("Seconds to wait before retrying", Problems.string(10), true));
            ApiDocumentation.anyEndpoint(operation, LedgerAccess.REPUBLICATION_RULES);
            SecurityDocumentation.adminsOnly(operation);
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer republicationSchemasInOpenApi() {
        return api -> {
            RecordSchemas.requests(api, RepublicationController.Request.class);
            RecordSchemas.responses(api, Republished.class);
            var request = api.getComponents().getSchemas().get("RepublicationRequest");
            request.getProperties().put("commitmentId", ApiDocumentation.slug(CommitmentId.MAX_LENGTH));
            RecordSchemas.nullable(request, "commitmentId");
            Map<String, Schema> republished = api.getComponents()
                    .getSchemas()
                    .get(Republished.class.getSimpleName())
                    .getProperties();
            republished.get("republished").minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Long.MAX_VALUE));
            // Kafka refuses topic names longer than 249 characters.
            republished.get("topic").maxLength(249);
        };
    }
}
