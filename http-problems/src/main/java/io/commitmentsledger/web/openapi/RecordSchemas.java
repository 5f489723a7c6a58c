package io.commitmentsledger.web.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * States in the OpenAPI document which fields of a record's schema are required and which may be null, from the
 * record itself, so that the document cannot claim more or less than the code: springdoc marks no field required and
 * none nullable. A component is optional when it is {@code @Nullable} (JSpecify) or annotated
 * {@code @Schema(requiredMode = NOT_REQUIRED)}.
 */
public final class RecordSchemas {

    private RecordSchemas() {}

    /**
     * Request bodies: a client must send every component but the optional ones, and may send an optional one as null
     * (the server reads null as absent).
     */
    @SafeVarargs
    public static void requests(OpenAPI api, Class<? extends Record>... types) {
        for (Class<? extends Record> type : types) {
            Schema<?> schema = schema(api, type);
            List<String> required = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (optional(component)) {
                    nullable(schema, component.getName());
                } else {
                    required.add(component.getName());
                }
            }
            schema.required(required.isEmpty() ? null : required);
        }
    }

    /**
     * Response bodies: every component is written, an optional one as null, unless the record omits null components
     * ({@code @JsonInclude(NON_NULL)}), which makes an optional component absent instead.
     */
    @SafeVarargs
    public static void responses(OpenAPI api, Class<? extends Record>... types) {
        for (Class<? extends Record> type : types) {
            Schema<?> schema = schema(api, type);
            List<String> required = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (!optional(component)) {
                    required.add(component.getName());
                } else if (!omitsNull(type) && !omitsNull(component)) {
                    nullable(schema, component.getName());
                    required.add(component.getName());
                }
            }
            schema.required(required);
        }
    }

    /** Makes a property of a schema accept null as well: {@code type: [string, "null"]} or, for a reference, anyOf. */
    public static void nullable(Schema<?> schema, String property) {
        Map<String, Schema> properties = schema.getProperties();
        Schema<?> field = properties == null ? null : properties.get(property);
        if (field == null) {
            throw new IllegalStateException("no property " + property + " in the schema " + schema.getName());
        }
        if (field.get$ref() != null) {
            Schema<?> reference = new JsonSchema().$ref(field.get$ref());
            properties.put(
                    property,
                    new JsonSchema()
                            .description(field.getDescription())
                            .anyOf(List.of(reference, new JsonSchema().types(Problems.types("null")))));
            return;
        }
        Set<String> types = field.getTypes() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(field.getTypes());
        if (types.isEmpty()) {
            throw new IllegalStateException(property + " of " + schema.getName() + " has no type to make nullable");
        }
        types.add("null");
        field.setTypes(types);
        if (field.getEnum() != null && !field.getEnum().contains(null)) {
            List<Object> values = new ArrayList<>(field.getEnum());
            values.add(null);
            ((Schema<Object>) field).setEnum(values);
        }
    }

    private static Schema<?> schema(OpenAPI api, Class<?> type) {
        io.swagger.v3.oas.annotations.media.Schema named =
                type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        String name = named != null && !named.name().isEmpty() ? named.name() : type.getSimpleName();
        Schema<?> schema = Problems.components(api).getSchemas() == null
                ? null
                : api.getComponents().getSchemas().get(name);
        if (schema == null) {
            throw new IllegalStateException("the OpenAPI document has no schema " + name + " for " + type.getName());
        }
        return schema;
    }

    private static boolean optional(RecordComponent component) {
        // @Schema cannot target a record component: Java hands it to the accessor (and the field), not the component.
        io.swagger.v3.oas.annotations.media.Schema schema =
                component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return nullableAnnotation(component)
                || nullableAnnotation(component.getAnnotatedType())
                || (schema != null
                        && schema.requiredMode()
                                == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED);
    }

    private static boolean nullableAnnotation(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations())
                .map(Annotation::annotationType)
                .anyMatch(annotation -> annotation.getSimpleName().equals("Nullable"));
    }

    private static boolean omitsNull(AnnotatedElement element) {
        JsonInclude include = element.getAnnotation(JsonInclude.class);
        return include != null && include.value() != JsonInclude.Include.ALWAYS;
    }
}
