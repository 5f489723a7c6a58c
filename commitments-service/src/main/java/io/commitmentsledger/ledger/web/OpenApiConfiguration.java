package io.commitmentsledger.ledger.web;

import io.commitmentsledger.security.SecurityDocumentation;
import io.commitmentsledger.web.openapi.Problems;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document (served at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}) says of itself,
 * and the members of its {@code Problem} schema that problems of every feature carry. Each feature describes its own
 * operations' statuses and the members its own problems add.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI commitmentsLedgerApi() {
        OpenAPI api = new OpenAPI()
                // The document is served by the service it describes: the API is where the document is.
                .servers(List.of(new Server()
                        .url("/")
                        .description("This service, wherever it runs: local, staging or production")
                        // Called by agency systems and auditors, not only from inside the ledger.
                        .extensions(Map.of("x-internal", false))))
                .info(new Info()
                        .title("Commitments Ledger: commands")
                        .version("v1")
                        .description("Agency systems record facts about bilateral commitments between governments."
                                + " Every accepted command answers the commitment's new version as ETag; If-Match"
                                + " makes a command conditional and Idempotency-Key makes a retry safe. Errors are"
                                + " RFC 9457 problem details with a stable type per kind."));
        SecurityDocumentation.declareScheme(api);
        return api;
    }

    /** {@code errors}, {@code header}, {@code commitmentId} and {@code maxBytes}, as {@link ProblemResponses} sets them. */
    @Bean
    OpenApiCustomizer sharedProblemMembers() {
        return api -> {
            Map<String, Schema<?>> members = new LinkedHashMap<>();
            Map<String, Schema<?>> error = new LinkedHashMap<>();
            error.put("field", Problems.string(300).description("JSON path of the field, such as parties[1].country"));
            error.put("message", Problems.string(1000).description("What is wrong with it"));
            members.put(
                    "errors",
                    Problems.array(Problems.object(error, "field", "message"), RequestBodyLimit.MAX_BYTES)
                            .description("invalid-request, malformed-request: every bad field"));
            members.put("header", Problems.string(100).description("invalid-header: the header that is malformed"));
            members.put(
                    "commitmentId",
                    Problems.string(1000).description("commitment-not-found: the commitment that was looked for"));
            members.put(
                    "maxBytes",
                    Problems.integer(0, Integer.MAX_VALUE)
                            .description("request-too-large: the largest request body accepted, in bytes"));
            Problems.addMembers(api, members);
        };
    }
}
