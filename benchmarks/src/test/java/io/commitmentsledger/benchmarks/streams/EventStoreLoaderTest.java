package io.commitmentsledger.benchmarks.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStoreLoaderTest {

    @Test
    void rowsAreInCopysBinaryFormatEachCommitmentInSequenceOrder() throws Exception {
        CommitmentHistories histories = new CommitmentHistories("streams-test", 5);
        byte[] rows = new EventStoreLoader("jdbc:postgresql://unused", histories).rows(10, 12);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(rows));
        byte[] signature = in.readNBytes(11);
        assertThat(new String(signature, StandardCharsets.ISO_8859_1)).isEqualTo("PGCOPY\n\377\r\n\0");
        assertThat(in.readInt()).isZero();
        assertThat(in.readInt()).isZero();
        List<String> places = new ArrayList<>();
        short fields;
        while ((fields = in.readShort()) != -1) {
            assertThat(fields).isEqualTo((short) 9);
            String eventId = text(in);
            String aggregate = text(in);
            assertThat(in.readInt()).isEqualTo(8);
            long sequence = in.readLong();
            assertThat(text(in)).isEqualTo("Commitment");
            text(in); // time stamp
            String type = text(in);
            text(in); // revision
            byte[] payload = field(in);
            field(in); // metadata
            assertThat(eventId).hasSize(36);
            assertThat(new String(payload, StandardCharsets.UTF_8)).contains("\"commitmentId\":\"" + aggregate + "\"");
            places.add(aggregate + "#" + sequence + " " + type.substring(type.lastIndexOf('.') + 1));
        }
        assertThat(in.read()).isEqualTo(-1);
        assertThat(places)
                .containsExactly(
                        "streams-test-0000010#0 CommitmentAgreed",
                        "streams-test-0000010#1 CommitmentConfirmed",
                        "streams-test-0000010#2 CommitmentConfirmed",
                        "streams-test-0000010#3 WorkshopScheduled",
                        "streams-test-0000010#4 ProgressReported",
                        "streams-test-0000011#0 CommitmentAgreed",
                        "streams-test-0000011#1 CommitmentConfirmed",
                        "streams-test-0000011#2 CommitmentConfirmed",
                        "streams-test-0000011#3 WorkshopScheduled",
                        "streams-test-0000011#4 ProgressReported");
    }

    private static String text(DataInputStream in) throws Exception {
        return new String(field(in), StandardCharsets.UTF_8);
    }

    private static byte[] field(DataInputStream in) throws Exception {
        int length = in.readInt();
        byte[] value = in.readNBytes(length);
        assertThat(value).hasSize(length);
        return Arrays.copyOf(value, length);
    }
}
