package io.commitmentsledger.ledger.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * How the service reads JSON: as written, nothing guessed. A repeated key (rather than the last one silently winning)
 * and a value of the wrong JSON type are errors, answered 400 {@code malformed-request}, as a misspelt property is
 * ({@code spring.jackson.deserialization.fail-on-unknown-properties} in {@code application.yml}): a text
 * field takes only a JSON string (not {@code true}, {@code 42} or {@code 1e400} turned into text), a number or a
 * boolean is not read from a string, a list is an array and an object an object (Jackson's defaults). This configures
 * Spring Boot's Jackson 3 mapper, which reads request bodies; Axon's Jackson 2 serializer is configured on its own.
 */
@Configuration(proxyBeanMethods = false)
class JsonReading {

    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> {
                    text.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                    text.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                });
    }
}
