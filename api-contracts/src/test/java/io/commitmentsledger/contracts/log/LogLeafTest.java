package io.commitmentsledger.contracts.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LogLeafTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PAYLOAD =
            "{\"actor\":\"JP/METI\",\"occurredOn\":\"2024-02-01\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PREVIOUS = filled((byte) 0xab);

    private static final LogLeaf LEAF = new Fields().leaf();

    /** The layout documented on LogLeaf, field by field; a change to it changes every leaf hash in the ledger. */
    private static final String ENCODED = String.join(
            "",
            "01", // version
            "0000000000000005", // log_index
            "0003" + "632d31", // commitment_id "c-1"
            "0000000000000002", // sequence
            "0003" + "652d39", // event_id "e-9"
            "000c" + "576f726b73686f7048656c64", // type "WorkshopHeld"
            "0001" + "31", // revision "1"
            "000a" + "323032342d30322d3031", // occurred_on "2024-02-01"
            "0014" + "323032342d30322d30315431303a30303a30305a", // recorded_at "2024-02-01T10:00:00Z"
            "0007" + "4a502f4d455449", // actor "JP/METI"
            "0000002d" // payload, 45 bytes
                    + "7b226163746f72223a224a502f4d455449222c226f636375727265644f6e223a22323032342d30322d3031227d",
            "ab".repeat(32)); // previous_leaf_hash

    @Test
    void encodesTheDocumentedLayoutAndHashesItAsAnRfc9162Leaf() {
        assertThat(HEX.formatHex(LEAF.encode())).isEqualTo(ENCODED);
        // SHA-256(0x00 || encoding), computed outside Java.
        assertThat(HEX.formatHex(LEAF.hash()))
                .isEqualTo("72aae8fbb0f200acf7bc249a40e9dce456df914ee30926c32b0712bbd5f77a66");
    }

    @Test
    void decodesWhatItEncodes() {
        LogLeaf decoded = LogLeaf.decode(LEAF.encode());

        assertThat(decoded).isEqualTo(LEAF);
        assertThat(decoded.payload()).isEqualTo(PAYLOAD);
        assertThat(decoded.previousLeafHash()).isEqualTo(PREVIOUS);
        assertThat(decoded.actor()).isEqualTo("JP/METI");
        assertThat(decoded.encode()).isEqualTo(LEAF.encode());
    }

    @Test
    void roundTripsEmptyOptionalFieldsAndNonAsciiText() {
        LogLeaf leaf = new LogLeaf(0, "c", 0, "e", "T", "1", "", "t", "", new byte[0], LogLeaf.NO_PREVIOUS_LEAF);
        LogLeaf accented =
                new LogLeaf(Long.MAX_VALUE, "c", Long.MAX_VALUE, "e", "T", "1", "", "t", "Pérez/日本", PAYLOAD, PREVIOUS);

        assertThat(LogLeaf.decode(leaf.encode())).isEqualTo(leaf);
        assertThat(LogLeaf.decode(accented.encode()).actor()).isEqualTo("Pérez/日本");
    }

    static Stream<Named<Consumer<Fields>>> singleFieldChanges() {
        return Stream.of(
                Named.of("log index", f -> f.logIndex = 6),
                Named.of("commitment id", f -> f.commitmentId = "c-2"),
                Named.of("sequence", f -> f.sequence = 3),
                Named.of("event id", f -> f.eventId = "e-8"),
                Named.of("type", f -> f.type = "WorkshopHelD"),
                Named.of("revision", f -> f.revision = "2"),
                Named.of("occurred on", f -> f.occurredOn = "2024-02-02"),
                Named.of("recorded at", f -> f.recordedAt = "2024-02-01T10:00:01Z"),
                Named.of("actor", f -> f.actor = "GB/DSIT"),
                Named.of("payload", f -> f.payload = Arrays.copyOf(PAYLOAD, PAYLOAD.length + 1)),
                Named.of("previous leaf hash", f -> f.previousLeafHash = filled((byte) 0xac)),
                // The same bytes in sequence, split differently between two fields.
                Named.of("a byte moved from type to revision", f -> {
                    f.type = "WorkshopHel";
                    f.revision = "d1";
                }));
    }

    @ParameterizedTest
    @MethodSource("singleFieldChanges")
    void changingAnyFieldChangesTheHash(Consumer<Fields> change) {
        Fields fields = new Fields();
        change.accept(fields);
        LogLeaf changed = fields.leaf();

        assertThat(changed.hash()).isNotEqualTo(LEAF.hash());
        assertThat(changed).isNotEqualTo(LEAF);
    }

    @Test
    void refusesTruncatedPaddedOrOtherVersionEncodings() {
        byte[] encoded = LEAF.encode();

        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertThatIllegalArgumentException()
                    .as("cut to %d bytes", length)
                    .isThrownBy(() -> LogLeaf.decode(truncated));
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LogLeaf.decode(Arrays.copyOf(encoded, encoded.length + 1)));
        byte[] version2 = encoded.clone();
        version2[0] = 2;
        assertThatIllegalArgumentException().isThrownBy(() -> LogLeaf.decode(version2));
    }

    @Test
    void refusesAPayloadLengthBeyondTheEncodingAndTextThatIsNotUtf8() {
        byte[] encoded = LEAF.encode();
        int payloadLength = ENCODED.indexOf("0000002d") / 2;
        byte[] hugePayload = encoded.clone();
        hugePayload[payloadLength] = (byte) 0x80; // a negative int32, and 2^31 bytes either way
        byte[] badText = encoded.clone();
        badText[ENCODED.indexOf("632d31") / 2] = (byte) 0xff; // inside commitment_id

        assertThatIllegalArgumentException().isThrownBy(() -> LogLeaf.decode(hugePayload));
        assertThatIllegalArgumentException().isThrownBy(() -> LogLeaf.decode(badText));
    }

    @Test
    void refusesEmptyRequiredFieldsTooLongTextAndUnpairedSurrogates() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LogLeaf(0, "", 0, "e", "T", "1", "", "t", "", PAYLOAD, PREVIOUS));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LogLeaf(0, "c", 0, "e", "T", "1", "", "", "", PAYLOAD, PREVIOUS));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LogLeaf(0, "c", 0, "e", "T", "1", "", "t", "x".repeat(65536), PAYLOAD, PREVIOUS));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LogLeaf(0, "c", 0, "e", "T", "1", "", "t", "\ud800", PAYLOAD, PREVIOUS));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LogLeaf(-1, "c", 0, "e", "T", "1", "", "t", "", PAYLOAD, PREVIOUS));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LogLeaf(0, "c", 0, "e", "T", "1", "", "t", "", PAYLOAD, new byte[31]));
        // 65535 bytes is the most a text field holds, and it round-trips.
        LogLeaf longest = new LogLeaf(0, "c", 0, "e", "T", "1", "", "t", "x".repeat(65535), PAYLOAD, PREVIOUS);
        assertThat(LogLeaf.decode(longest.encode())).isEqualTo(longest);
    }

    @Test
    void copiesItsByteArraysInAndOut() {
        byte[] payload = PAYLOAD.clone();
        LogLeaf leaf = new LogLeaf(0, "c", 0, "e", "T", "1", "", "t", "", payload, PREVIOUS);
        byte[] hash = leaf.hash();

        payload[0] = 'x';
        leaf.payload()[1] = 'x';
        leaf.previousLeafHash()[0] = 0;

        assertThat(leaf.hash()).isEqualTo(hash);
    }

    @Test
    void ofReadsActorAndOccurredOnFromThePayloadsTopLevel() {
        byte[] payload = ("{\"commitmentId\":\"c\",\"nested\":{\"actor\":\"no\",\"occurredOn\":\"no\"},"
                        + "\"actor\":\"JP\\/METI \\u00e9\\\"q\\\"\",\"occurredOn\":\"2024-02-01\"}")
                .getBytes(StandardCharsets.UTF_8);

        LogLeaf leaf = LogLeaf.of(7, "c", 1, "e", "T", "1", "t", payload, PREVIOUS);

        assertThat(leaf.actor()).isEqualTo("JP/METI é\"q\"");
        assertThat(leaf.occurredOn()).isEqualTo("2024-02-01");
        assertThat(leaf.payload()).isEqualTo(payload);
        assertThat(leaf.logIndex()).isEqualTo(7);
        assertThat(leaf.sequence()).isEqualTo(1);
        assertThat(leaf.recordedAt()).isEqualTo("t");
    }

    @Test
    void ofLeavesActorAndOccurredOnEmptyWhenAbsentOrNotStrings() {
        LogLeaf absent = LogLeaf.of(0, "c", 0, "e", "T", "1", "t", bytes("{\"nested\":{\"actor\":\"x\"}}"), PREVIOUS);
        LogLeaf notStrings =
                LogLeaf.of(0, "c", 0, "e", "T", "1", "t", bytes("{\"actor\":null,\"occurredOn\":[1]}"), PREVIOUS);

        assertThat(List.of(absent.actor(), absent.occurredOn(), notStrings.actor(), notStrings.occurredOn()))
                .containsOnly("");
    }

    @Test
    void ofRefusesAPayloadThatIsNotAJsonObject() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LogLeaf.of(0, "c", 0, "e", "T", "1", "t", bytes("[1]"), PREVIOUS));
    }

    /** The golden leaf's fields, to change one at a time. */
    static final class Fields {
        long logIndex = 5;
        String commitmentId = "c-1";
        long sequence = 2;
        String eventId = "e-9";
        String type = "WorkshopHeld";
        String revision = "1";
        String occurredOn = "2024-02-01";
        String recordedAt = "2024-02-01T10:00:00Z";
        String actor = "JP/METI";
        byte[] payload = PAYLOAD;
        byte[] previousLeafHash = PREVIOUS;

        LogLeaf leaf() {
            return new LogLeaf(
                    logIndex,
                    commitmentId,
                    sequence,
                    eventId,
                    type,
                    revision,
                    occurredOn,
                    recordedAt,
                    actor,
                    payload,
                    previousLeafHash);
        }
    }

    private static byte[] filled(byte value) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, value);
        return hash;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
