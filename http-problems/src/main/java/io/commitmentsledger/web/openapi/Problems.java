package io.commitmentsledger.web.openapi;

import io.commitmentsledger.web.problems.ContainerProblems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RFC 9457 problem details every error status of both services answers, as OpenAPI: one {@code Problem} schema in
 * {@code components}, with the members every problem has and the extension members a service adds, and one helper
 * per error status of an operation. Also the small schema builders the services' documents share.
 */
public final class Problems {

    public static final String SCHEMA = "Problem";
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String JSON = "application/json";

    private Problems() {}

    /**
     * Adds extension members to the {@code Problem} schema, creating it first if needed with the members every problem
     * has: {@code type}, {@code title} and {@code status} always, {@code detail} and {@code instance} usually. Each
     * feature adds the members its own problems carry; none is carried by every problem. Members beyond the
     * documented ones are allowed, as RFC 9457 allows them.
     */
    public static void addMembers(OpenAPI api, Map<String, Schema<?>> extensionMembers) {
        Components components = components(api);
        Schema<?> problem =
                components.getSchemas() == null ? null : components.getSchemas().get(SCHEMA);
        if (problem == null) {
            Map<String, Schema> properties = new LinkedHashMap<>();
            properties.put(
                    "type",
                    string(300)
                            .format("uri")
                            .description("Stable URI of the kind of problem, under " + ContainerProblems.BASE
                                    + "; match on it")
                            .example(ContainerProblems.BASE + "invalid-request"));
            properties.put("title", string(200).description("Short summary of the kind of problem"));
            properties.put("status", integer(100, 599).description("The HTTP status code"));
            properties.put("detail", string(4000).description("What went wrong with this request"));
            properties.put("instance", string(2000).format("uri-reference").description("The path of the request"));
            problem = new JsonSchema()
                    .types(types("object"))
                    .description("RFC 9457 problem details")
                    .properties(properties)
                    .required(List.of("type", "title", "status"));
            components.addSchemas(SCHEMA, problem);
        }
        extensionMembers.forEach(problem::addProperty);
    }

    /** An error status of an operation: problem+json, with what it means and which problem types it carries. */
    public static ApiResponse response(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(MEDIA_TYPE, new MediaType().schema(new JsonSchema().$ref(ref(SCHEMA)))));
    }

    /** Adds an error status to an operation, replacing any it had. */
    public static ApiResponse add(Operation operation, int status, String description) {
        ApiResponse response = response(description);
        responses(operation).addApiResponse(String.valueOf(status), response);
        return response;
    }

    /**
     * The success response springdoc derived from the handler's return type, moved to {@code status} when that is not
     * 200, with its body declared as {@code application/json} (springdoc writes {@code *}{@code /*} unless the mapping
     * declares what it produces).
     */
    public static ApiResponse success(Operation operation, int status, String description) {
        ApiResponses responses = responses(operation);
        ApiResponse response = responses.remove("200");
        if (response == null) {
            throw new IllegalStateException(operation.getOperationId() + " has no 200 response to describe");
        }
        response.description(description);
        Content content = response.getContent();
        if (content != null && !content.containsKey(JSON)) {
            MediaType body = content.values().iterator().next();
            response.content(new Content().addMediaType(JSON, body));
        }
        responses.addApiResponse(String.valueOf(status), response);
        return response;
    }

    /** A response header, optional unless {@code required}. */
    public static Header header(String description, Schema<?> schema, boolean required) {
        return new Header().description(description).schema(schema).required(required ? true : null);
    }

    public static Schema<?> string(int maxLength) {
        return new JsonSchema().types(types("string")).maxLength(maxLength);
    }

    /** A string that is one of these values. */
    public static Schema<?> oneOf(List<String> values) {
        JsonSchema schema = new JsonSchema();
        schema.types(types("string"))
                .maxLength(values.stream().mapToInt(String::length).max().orElse(0));
        schema.setEnum(new ArrayList<>(values));
        return schema;
    }

    /** An object of exactly these properties, the listed ones required. */
    public static Schema<?> object(Map<String, Schema<?>> properties, String... required) {
        Schema<?> object = new JsonSchema().types(types("object")).additionalProperties(false);
        properties.forEach(object::addProperty);
        return object.required(List.of(required));
    }

    public static Schema<?> integer(long minimum, long maximum) {
        return new JsonSchema()
                .types(types("integer"))
                .format(maximum > Integer.MAX_VALUE ? "int64" : "int32")
                .minimum(BigDecimal.valueOf(minimum))
                .maximum(BigDecimal.valueOf(maximum));
    }

    public static Schema<?> array(Schema<?> items, int maxItems) {
        return new JsonSchema().types(types("array")).items(items).maxItems(maxItems);
    }

    public static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }

    static Set<String> types(String... types) {
        return new LinkedHashSet<>(List.of(types));
    }

    static Components components(OpenAPI api) {
        if (api.getComponents() == null) {
            api.components(new Components());
        }
        return api.getComponents();
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.responses(new ApiResponses());
        }
        return operation.getResponses();
    }
}
