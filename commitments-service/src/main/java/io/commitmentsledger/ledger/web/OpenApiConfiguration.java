package io.commitmentsledger.ledger.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI document (served at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}) says of itself. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI commitmentsLedgerApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Commitments Ledger: commands")
                        .version("v1")
                        .description("Agency systems record facts about bilateral commitments between governments."
                                + " Every accepted command answers the commitment's new version as ETag; If-Match"
                                + " makes a command conditional and Idempotency-Key makes a retry safe. Errors are"
                                + " RFC 9457 problem details with a stable type per kind."));
    }
}
