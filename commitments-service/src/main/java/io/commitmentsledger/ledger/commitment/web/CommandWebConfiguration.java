package io.commitmentsledger.ledger.commitment.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets command endpoints take their shared headers as one {@link CommandHeaders}, and documents those headers. */
@Configuration(proxyBeanMethods = false)
class CommandWebConfiguration implements WebMvcConfigurer {

    static {
        // The OpenAPI document lists the headers themselves (below), not the Java argument that carries them.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandHeaders.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandHeaders.Resolver());
    }

    @Bean
    OperationCustomizer commandHeadersInOpenApi() {
        return (operation, handler) -> {
            boolean command = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType() == CommandHeaders.class);
            if (!command) {
                return operation;
            }
            boolean existingCommitment = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> "commitmentId".equals(parameter.getParameterName()));
            if (existingCommitment) {
                operation.addParametersItem(new HeaderParameter()
                        .name(HttpHeaders.IF_MATCH)
                        .description("Applies the command only if the commitment is still at this version (an ETag"
                                + " from an earlier response); 412 otherwise")
                        .schema(new StringSchema().example("\"3\"")));
            }
            return operation.addParametersItem(new HeaderParameter()
                    .name(CommandHeaders.IDEMPOTENCY_KEY)
                    .description("Makes a retry safe: the same key and body return the first response")
                    .schema(new StringSchema().maxLength(255)));
        };
    }
}
