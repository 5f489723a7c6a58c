package io.commitmentsledger.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.junit.jupiter.api.Test;

class RecordSchemasTest {

    /** A request whose second field is optional by swagger's own annotation, without JSpecify's {@code @Nullable}. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Request")
    record Request(
            String title,

            @io.swagger.v3.oas.annotations.media.Schema(
                    requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED)
            String description) {}

    @Test
    void aFieldMarkedNotRequiredIsOptionalAndMayBeNull() {
        Schema<?> request = new ObjectSchema()
                .addProperty("title", new StringSchema())
                .addProperty("description", new StringSchema());
        OpenAPI api = new OpenAPI().components(new Components().addSchemas("Request", request));

        RecordSchemas.requests(api, Request.class);

        assertThat(request.getRequired()).containsExactly("title");
        assertThat(request.getProperties().get("description").getTypes()).contains("null");
    }
}
