package io.commitmentsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.NoteSigner;
import io.commitmentsledger.contracts.log.NoteVerifier;
import io.commitmentsledger.contracts.log.VerificationFailure;
import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code asyncapi.yaml} is a valid AsyncAPI 3.0.0 document and says what the code says: one message per event type,
 * with its CloudEvents type, its schema, the topic and exactly the headers the ledger writes.
 */
class AsyncApiDocumentTest {

    /** AsyncAPI's own bundled schema for 3.0.0 (draft-07); its internal refs are ids of its own definitions. */
    private static final Schema ASYNCAPI_3_0_0 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(SchemaLocation.of("classpath:asyncapi/3.0.0.json"));

    private static final JsonNode DOCUMENT = read();

    private final ObjectMapper json = JsonMapper.builder().build();

    static List<Class<? extends CommitmentEvent>> eventTypes() {
        return EventTypes.all();
    }

    @Test
    void conformsToTheAsyncApi300Schema() {
        assertThat(ASYNCAPI_3_0_0.validate(DOCUMENT)).isEmpty();
    }

    static Stream<Named<Consumer<ObjectNode>>> breakages() {
        return Stream.of(
                Named.of(
                        "an AsyncAPI 2 operation action",
                        document -> operation(document).put("action", "publish")),
                Named.of("no info", document -> document.remove("info")),
                Named.of(
                        "a message with an unknown property",
                        document -> message(document, "CommitmentAgreed").put("key", "commitmentId")),
                Named.of(
                        "a Kafka binding with an unknown property",
                        document -> ((ObjectNode) document.at("/components/messageBindings/keyedByCommitment/kafka"))
                                .put("partition", 0)));
    }

    @ParameterizedTest
    @MethodSource("breakages")
    void rejectsADocumentThatBreaksTheAsyncApiSchema(Consumer<ObjectNode> breakage) {
        ObjectNode broken = (ObjectNode) DOCUMENT.deepCopy();
        breakage.accept(broken);

        assertThat(ASYNCAPI_3_0_0.validate(broken)).isNotEmpty();
    }

    @Test
    void sendsToTheDefaultTopic() {
        JsonNode operation = operation(DOCUMENT);

        assertThat(channel().path("address").asString()).isEqualTo(EventTypes.DEFAULT_TOPIC);
        assertThat(operation.path("action").asString()).isEqualTo("send");
        assertThat(operation.at("/channel/$ref").asString()).isEqualTo("#/channels/commitmentEvents");
    }

    /** Each earlier revision of an event type, whose records stay on the topic, as its message names it. */
    record EarlierRevision(Class<? extends CommitmentEvent> type, int revision) {

        String messageName() {
            return EventTypes.name(type) + "Revision" + revision;
        }

        @Override
        public String toString() {
            return messageName();
        }
    }

    static List<EarlierRevision> earlierRevisions() {
        return EventTypes.all().stream()
                .flatMap(type -> IntStream.range(1, Integer.parseInt(EventTypes.revision(type)))
                        .mapToObj(revision -> new EarlierRevision(type, revision)))
                .toList();
    }

    @Test
    void hasOneMessagePerRevisionOfEveryEventType() {
        Set<String> names = Stream.concat(
                        EventTypes.all().stream().map(EventTypes::name),
                        earlierRevisions().stream().map(EarlierRevision::messageName))
                .collect(Collectors.toSet());

        assertThat(earlierRevisions()).isNotEmpty();
        assertThat(DOCUMENT.path("components").path("messages").propertyNames())
                .containsExactlyInAnyOrderElementsOf(names);
        assertThat(channel().path("messages").propertyNames()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(operation(DOCUMENT)
                        .path("messages")
                        .valueStream()
                        .map(ref -> ref.path("$ref").asString()))
                .containsExactlyInAnyOrderElementsOf(names.stream()
                        .map(name -> "#/channels/commitmentEvents/messages/" + name)
                        .toList());
    }

    @ParameterizedTest
    @MethodSource("earlierRevisions")
    void describesEachEarlierRevisionWithExamplesThatVerifyAndUpcastToTheCurrentOne(EarlierRevision earlier)
            throws VerificationFailure {
        String name = EventTypes.name(earlier.type());
        String revision = String.valueOf(earlier.revision());
        JsonNode message = message(DOCUMENT, earlier.messageName());
        JsonNode ownHeaders = message.at("/headers/allOf/1/properties");

        assertThat(message.path("name").asString()).isEqualTo(name);
        assertThat(ownHeaders.at("/ce_type/const").asString()).isEqualTo(EventTypes.cloudEventType(name, revision));
        assertThat(ownHeaders.at("/ce_dataschema/const").asString())
                .isEqualTo(EventTypes.dataSchema(name, revision).toString());
        assertThat(message.at("/payload/$ref").asString()).isEqualTo("./" + EventTypes.schemaResource(name, revision));
        Schema schema = EventSchemas.at(EventTypes.dataSchema(name, revision).toString());
        assertThat(message.path("examples").size()).isPositive();
        for (JsonNode example : message.path("examples")) {
            JsonNode payload = example.path("payload");
            assertThat(schema.validate(payload)).isEmpty();
            assertThat(EventSchemas.validate(earlier.type(), payload))
                    .as("an earlier revision's example is not valid in the current shape, or it needs no revision")
                    .isNotEmpty();
            verify(example, name, revision);
            @SuppressWarnings("unchecked")
            Map<String, @Nullable Object> upcast =
                    EventUpcasters.ledger().upcast(name, earlier.revision(), json.convertValue(payload, Map.class));
            assertThat(EventSchemas.validate(earlier.type(), json.valueToTree(upcast)))
                    .isEmpty();
            assertThat(json.convertValue(upcast, earlier.type()).commitmentId().value())
                    .isEqualTo(payload.path("commitmentId").asString());
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void namesEachMessageByItsCloudEventTypeAndSchema(Class<?> type) {
        JsonNode message = message(DOCUMENT, EventTypes.name(type));
        JsonNode ownHeaders = message.at("/headers/allOf/1/properties");

        assertThat(message.path("name").asString()).isEqualTo(EventTypes.name(type));
        assertThat(message.path("contentType").asString()).isEqualTo(CloudEventHeaders.CONTENT_TYPE_VALUE);
        assertThat(message.at("/headers/allOf/0/$ref").asString()).isEqualTo("#/components/schemas/cloudEventHeaders");
        assertThat(ownHeaders.at("/ce_type/const").asString()).isEqualTo(EventTypes.cloudEventType(type));
        assertThat(ownHeaders.at("/ce_dataschema/const").asString()).isEqualTo(dataSchema(type));
        assertThat(message.at("/bindings/$ref").asString()).isEqualTo("#/components/messageBindings/keyedByCommitment");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void pointsEachPayloadAtTheShippedSchema(Class<?> type) {
        String resource = EventTypes.schemaResource(EventTypes.name(type), EventTypes.revision(type));

        assertThat(message(DOCUMENT, EventTypes.name(type)).at("/payload/$ref").asString())
                .isEqualTo("./" + resource);
        assertThat(getClass().getClassLoader().getResource(resource))
                .as(resource)
                .isNotNull();
    }

    @Test
    void keysEveryRecordByTheCommitmentId() {
        JsonNode key = DOCUMENT.at("/components/messageBindings/keyedByCommitment/kafka/key");
        JsonNode commitmentId = DOCUMENT.at("/components/schemas/commitmentId");

        assertThat(key.path("type").asString()).isEqualTo("string");
        assertThat(key.path("pattern")).isEqualTo(commitmentId.path("pattern"));
        assertThat(key.path("maxLength").asInt()).isEqualTo(CommitmentId.MAX_LENGTH);
    }

    @Test
    void documentsExactlyTheCloudEventHeaders() throws IllegalAccessException {
        JsonNode headers = DOCUMENT.at("/components/schemas/cloudEventHeaders");
        List<String> names = new ArrayList<>();
        for (Field field : CloudEventHeaders.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !field.getName().endsWith("_VALUE")) {
                names.add((String) field.get(null));
            }
        }

        assertThat(names).hasSize(14);
        assertThat(headers.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(headers.path("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(names);
        assertThat(headers.at("/properties/ce_specversion/const").asString())
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_VALUE);
        assertThat(headers.at("/properties/ce_source/const").asString()).isEqualTo(CloudEventHeaders.SOURCE_VALUE);
        assertThat(headers.at("/properties/content-type/const").asString())
                .isEqualTo(CloudEventHeaders.CONTENT_TYPE_VALUE);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void givesExamplesThatAreRecordsTheLedgerWouldPublish(Class<? extends CommitmentEvent> type) {
        String name = EventTypes.name(type);
        Schema headerSchema = EventSchemas.at("classpath:asyncapi.yaml#/components/messages/" + name + "/headers");
        JsonNode examples = message(DOCUMENT, name).path("examples");

        assertThat(examples.size()).isPositive();
        examples.forEach(example -> {
            JsonNode headers = example.path("headers");
            JsonNode payload = example.path("payload");
            assertThat(headerSchema.validate(headers)).isEmpty();
            assertThat(headers.propertyNames()).hasSize(14);
            assertThat(headers.path(CloudEventHeaders.SUBJECT).asString())
                    .isEqualTo(payload.path("commitmentId").asString());
            assertThat(EventSchemas.validate(type, payload)).isEmpty();
            JsonNode readAndWrittenAgain = json.valueToTree(json.treeToValue(payload, type));
            assertThat(readAndWrittenAgain).isEqualTo(payload);
        });
    }

    /** The example key named in the document's description, which signs its examples. */
    private static final String EXAMPLE_VERIFIER_KEY =
            "commitments-ledger.example/log+8c4501f8+Ae3Wlb92cip+U5rqLPjyaLYNgjOmdrRrRXXIUcWvBSHC";

    @ParameterizedTest
    @MethodSource("eventTypes")
    void givesExamplesThatVerifyAsTheDocumentSays(Class<? extends CommitmentEvent> type) throws VerificationFailure {
        assertThat(DOCUMENT.at("/info/description").asString()).contains(EXAMPLE_VERIFIER_KEY);

        for (JsonNode example : message(DOCUMENT, EventTypes.name(type)).path("examples")) {
            verify(example, EventTypes.name(type), EventTypes.revision(type));
        }
    }

    /** Checks an example's leaf hash and signature as a subscriber checks a record's. */
    private static void verify(JsonNode example, String name, String revision) throws VerificationFailure {
        JsonNode headers = example.path("headers");
        byte[] previous = Base64.getDecoder()
                .decode(headers.path(CloudEventHeaders.PREVIOUS_LEAF_HASH).asString());
        LogLeaf leaf = LogLeaf.of(
                Long.parseLong(headers.path(CloudEventHeaders.LOG_INDEX).asString()),
                headers.path(CloudEventHeaders.SUBJECT).asString(),
                Long.parseLong(
                        headers.path(CloudEventHeaders.COMMITMENT_SEQUENCE).asString()),
                headers.path(CloudEventHeaders.ID).asString(),
                name,
                revision,
                headers.path(CloudEventHeaders.TIME).asString(),
                JsonMapper.builder().build().writeValueAsBytes(example.path("payload")),
                previous);
        byte[] leafHash = Base64.getDecoder()
                .decode(headers.path(CloudEventHeaders.LEAF_HASH).asString());

        assertThat(leaf.hash()).isEqualTo(leafHash);
        LeafSignature.verify(
                leafHash,
                headers.path(CloudEventHeaders.LEDGER_SIGNATURE).asString(),
                List.of(NoteVerifier.parse(EXAMPLE_VERIFIER_KEY)));
        if (leaf.sequence() == 0) {
            assertThat(previous).isEqualTo(LogLeaf.NO_PREVIOUS_LEAF);
        }
    }

    @Test
    void signsItsExamplesWithThePrivateHalfOfThePublishedExampleKey() {
        assertThat(NoteSigner.parse(AsyncApiExampleSigner.EXAMPLE_SIGNER_KEY)
                        .verifier()
                        .verifierKey())
                .isEqualTo(EXAMPLE_VERIFIER_KEY);
    }

    @Test
    void publishesSignedCheckpointsOnTheirOwnTopic() throws VerificationFailure {
        JsonNode channel = DOCUMENT.at("/channels/commitmentCheckpoints");
        JsonNode message = channel.at("/messages/Checkpoint");
        JsonNode operation = DOCUMENT.at("/operations/publishCheckpoints");

        assertThat(channel.path("address").asString()).isEqualTo("commitment-checkpoints");
        assertThat(message.path("contentType").asString()).isEqualTo("text/plain");
        assertThat(operation.path("action").asString()).isEqualTo("send");
        assertThat(operation.at("/channel/$ref").asString()).isEqualTo("#/channels/commitmentCheckpoints");
        Checkpoint example = Checkpoint.open(
                message.at("/examples/0/payload").asString(),
                "commitments-ledger.example/log",
                List.of(NoteVerifier.parse(EXAMPLE_VERIFIER_KEY)));
        assertThat(example.size()).isEqualTo(215);
    }

    private static JsonNode channel() {
        return DOCUMENT.at("/channels/commitmentEvents");
    }

    private static ObjectNode operation(JsonNode document) {
        return (ObjectNode) document.at("/operations/publishCommitmentEvents");
    }

    private static ObjectNode message(JsonNode document, String name) {
        return (ObjectNode) document.path("components").path("messages").path(name);
    }

    private static String dataSchema(Class<?> type) {
        return EventTypes.dataSchema(EventTypes.name(type), EventTypes.revision(type))
                .toString();
    }

    private static JsonNode read() {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            return YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read asyncapi.yaml", e);
        }
    }
}
