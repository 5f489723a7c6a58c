package io.commitmentsledger.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.commitmentsledger.contracts.events.EventTypes;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Loads the published event schemas as a subscriber would, but from this jar: their https {@code $id}s, and the
 * absolute {@code $ref}s to the shared definitions, resolve to classpath resources, and nothing is fetched remotely.
 */
public final class EventSchemas {

    private static final String ID_PREFIX = "https://commitments-ledger.dev/schemas/";

    // Formats (date, uri, uuid, date-time) are only annotations in draft 2020-12 unless asserted, so assert them.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build())
                    .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:schemas/")));

    private EventSchemas() {}

    /** The schema of the type's current revision, found by its {@code $id} as {@code ce_dataschema} names it. */
    public static Schema of(Class<?> type) {
        return at(EventTypes.dataSchema(EventTypes.name(type), EventTypes.revision(type))
                .toString());
    }

    /** A schema at an id or location, optionally with a JSON pointer fragment: {@code classpath:asyncapi.yaml#/...}. */
    public static Schema at(String location) {
        return REGISTRY.getSchema(SchemaLocation.of(location));
    }

    public static List<Error> validate(Class<?> type, JsonNode event) {
        return of(type).validate(event);
    }
}
