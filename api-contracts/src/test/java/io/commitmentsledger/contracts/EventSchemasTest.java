package io.commitmentsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.TargetAmended;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON Schemas shipped in this jar describe exactly what Jackson writes for each event type. */
class EventSchemasTest {

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private final ObjectMapper json = JsonMapper.builder().build();

    static List<Class<? extends CommitmentEvent>> eventTypes() {
        return EventTypes.all();
    }

    static List<Named<CommitmentEvent>> samples() {
        return SampleEvents.all();
    }

    static Stream<String> schemaResources() {
        return Stream.concat(
                Stream.of("schemas/common/v1.json"),
                EventTypes.all().stream()
                        .map(type -> EventTypes.schemaResource(EventTypes.name(type), EventTypes.revision(type))));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shipsASchemaForTheCurrentRevisionOfEveryEventType(Class<?> type) throws IOException {
        JsonNode schema = resource(EventTypes.schemaResource(EventTypes.name(type), EventTypes.revision(type)));

        assertThat(schema.path("$id").asString())
                .isEqualTo(EventTypes.dataSchema(EventTypes.name(type), EventTypes.revision(type))
                        .toString());
        assertThat(schema.path("$schema").asString()).isEqualTo(DRAFT_2020_12);
        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("title").asString()).startsWith(EventTypes.name(type));
    }

    @ParameterizedTest
    @MethodSource("schemaResources")
    void everySchemaIsAValidDraft202012Schema(String resource) throws IOException {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(DRAFT_2020_12));

        assertThat(metaSchema.validate(resource(resource))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void describesEveryPropertyTheRecordHas(Class<?> type) throws IOException {
        JsonNode schema = resource(EventTypes.schemaResource(EventTypes.name(type), EventTypes.revision(type)));

        assertThat(schema.path("properties").propertyNames())
                .containsExactly(Stream.of(type.getRecordComponents())
                        .map(component -> component.getName())
                        .toArray(String[]::new));
    }

    @Test
    void hasASampleOfEveryEventType() {
        assertThat(samples().stream()
                        .<Class<?>>map(sample -> sample.getPayload().getClass()))
                .containsAll(List.copyOf(EventTypes.all()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void acceptsWhatJacksonWritesForAnEvent(CommitmentEvent event) {
        assertThat(EventSchemas.validate(event.getClass(), json.valueToTree(event)))
                .isEmpty();
    }

    @Test
    void rejectsAnEventWithoutARequiredProperty() {
        ObjectNode agreed = json.valueToTree(SampleEvents.agreed());
        agreed.remove("actor");

        assertThat(messages(agreed)).anyMatch(message -> message.contains("actor"));
    }

    @Test
    void rejectsNullForARequiredProperty() {
        ObjectNode agreed = json.valueToTree(SampleEvents.agreed());
        agreed.putNull("title");

        assertThat(messages(agreed)).isNotEmpty();
    }

    @Test
    void rejectsAnEventWithAnUnknownProperty() {
        ObjectNode agreed = json.valueToTree(SampleEvents.agreed());
        agreed.put("status", "AGREED");

        assertThat(messages(agreed)).anyMatch(message -> message.contains("status"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JP-METI", "jp/METI", "JP/meti", "JPN/METI", "JP/METI/X", "METI", ""})
    void rejectsAnActingAgencyNotWrittenCountrySlashAgency(String actor) {
        ObjectNode agreed = json.valueToTree(SampleEvents.agreed());
        agreed.put("actor", actor);

        assertThat(messages(agreed)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"16/01/2024", "2024-1-16", "2024-13-16", "2024-01-16T00:00:00Z"})
    void rejectsADateNotWrittenYearMonthDay(String date) {
        ObjectNode agreed = json.valueToTree(SampleEvents.agreed());
        agreed.put("occurredOn", date);

        assertThat(messages(agreed)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"date\": \"2024-03-31\"}",
                "{\"quarter\": \"2024-Q1\"}",
                "\"2024-Q5\"",
                "\"2024-13\"",
                "\"24\"",
                "\"2024-01-16T00:00:00Z\"",
                "\"\""
            })
    void rejectsATargetThatIsNotAYearQuarterMonthOrDay(String target) {
        ObjectNode agreed = json.valueToTree(SampleEvents.agreed());
        agreed.set("target", json.readTree(target));

        assertThat(messages(agreed)).isNotEmpty();
    }

    @Test
    void rejectsAPartyWithoutAgenciesAndAnIdThatIsNotASlug() {
        ObjectNode agreed = json.valueToTree(SampleEvents.agreed());
        ((ObjectNode) agreed.get("parties").get(1)).putArray("agencies");
        agreed.put("commitmentId", "JPUK 2024");

        assertThat(messages(agreed)).hasSizeGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2022\"", "\"2024-Q1\"", "\"2024-03\"", "\"2024-12-31\"", "null"})
    void acceptsATargetAsPreciseAsTheSourceOrNone(String target) {
        ObjectNode agreed = json.valueToTree(SampleEvents.agreed());
        agreed.set("target", json.readTree(target));
        agreed.set("occurredOn", json.readTree(target.equals("null") ? "\"2022\"" : target));

        assertThat(messages(agreed)).isEmpty();
        agreed.remove("target");
        assertThat(messages(agreed)).isEmpty();
    }

    @Test
    void acceptsATargetAmendedFromAQuarterToADate() {
        JsonNode amended = json.valueToTree(samples().stream()
                .map(Named::getPayload)
                .filter(TargetAmended.class::isInstance)
                .findFirst()
                .orElseThrow());

        assertThat(amended.path("previousTarget").asString()).isEqualTo("2024-Q2");
        assertThat(amended.path("newTarget").asString()).isEqualTo("2024-09-30");
        assertThat(EventSchemas.validate(TargetAmended.class, amended)).isEmpty();
    }

    private List<String> messages(JsonNode agreed) {
        return EventSchemas.validate(SampleEvents.agreed().getClass(), agreed).stream()
                .map(Error::toString)
                .toList();
    }

    private JsonNode resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return json.readTree(in);
        }
    }
}
