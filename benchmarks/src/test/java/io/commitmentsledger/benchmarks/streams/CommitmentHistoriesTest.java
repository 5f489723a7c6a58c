package io.commitmentsledger.benchmarks.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.EventSchemas;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CommitmentHistoriesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CommitmentHistories histories = new CommitmentHistories("streams-test", 10);

    @Test
    void everyEventIsValidAgainstItsPublishedSchemaAtItsCurrentRevision() {
        for (int index = 0; index < 50; index++) {
            List<CommitmentEvent> history = histories.history(index);
            for (int sequence = 0; sequence < history.size(); sequence++) {
                CommitmentEvent event = history.get(sequence);
                StoredEvent stored = StoredEvent.of(event, sequence, Instant.now());
                assertThat(EventSchemas.validate(event.getClass(), JSON.readTree(stored.payload())))
                        .as("%s at %d: %s", event.getClass().getSimpleName(), sequence, new String(stored.payload()))
                        .isEmpty();
                assertThat(stored.payloadRevision())
                        .isEqualTo(Integer.toString(EventUpcasters.ledger().currentRevision(event.getClass())));
                assertThat(stored.payloadType()).isEqualTo(event.getClass().getName());
            }
        }
    }

    @Test
    void aHistoryIsOneTheFoldAccepts() {
        for (int index = 0; index < 50; index++) {
            List<CommitmentEvent> history = histories.history(index);
            CommitmentId id = histories.id(index);
            assertThat(history).hasSize(10);
            assertThat(history).allSatisfy(e -> assertThat(e.commitmentId()).isEqualTo(id));
            assertThat(history.get(0)).isInstanceOf(CommitmentAgreed.class);
            CommitmentAgreed agreed = (CommitmentAgreed) history.get(0);
            assertThat(agreed.partnershipId().value()).isEqualTo("jp-uk-digital-partnership");
            assertThat(List.of("open-ran", "semiconductors", "ai", "data", "digital-transformation"))
                    .contains(agreed.area().value());
            assertThat(history.subList(1, 3))
                    .extracting(e -> ((CommitmentConfirmed) e).actor())
                    .containsExactly(CommitmentHistories.METI, CommitmentHistories.DSIT);
            assertThat(history.get(3)).isInstanceOf(WorkshopScheduled.class);
            assertThat(history.subList(CommitmentHistories.FIRST_PROGRESS_REPORT, 10))
                    .allSatisfy(e -> assertThat(e).isInstanceOf(ProgressReported.class))
                    .allSatisfy(e -> assertThat(e.actor()).isIn(CommitmentHistories.METI, CommitmentHistories.DSIT));
            // every fact on or after the agreement, in order
            LocalDate previous = LocalDate.of(2024, 1, 16);
            for (CommitmentEvent event : history.subList(1, 10)) {
                LocalDate day = LocalDate.parse(event.date().toString());
                assertThat(day).isAfterOrEqualTo(previous);
                previous = day;
            }
        }
    }

    @Test
    void historiesRepeatThemselvesAndIdsAreUniqueAndOfOneLength() {
        assertThat(histories.history(7)).isEqualTo(histories.history(7));
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < 1000; index++) {
            ids.add(histories.id(index).value());
        }
        assertThat(ids).hasSize(1000);
        assertThat(ids.stream().mapToInt(String::length).distinct()).containsExactly("streams-test-0000000".length());
    }

    @Test
    void payloadsAreWrittenAsTheServicesJackson2MapperWritesThem() {
        CommitmentEvent confirmed = histories.history(3).get(1);
        assertThat(new String(StoredEvent.of(confirmed, 1, Instant.now()).payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"commitmentId\":\"streams-test-0000003\",\"actor\":\"JP/METI\","
                        + "\"occurredOn\":\"2024-01-16\"}");
        CommitmentEvent workshop = histories.history(3).get(3);
        assertThat(new String(StoredEvent.of(workshop, 3, Instant.now()).payload(), StandardCharsets.UTF_8))
                .startsWith("{\"commitmentId\":\"streams-test-0000003\",\"workshopId\":\"workshop-3\",\"title\":")
                .contains("\"window\":{\"start\":\"2024-04-01\",\"end\":\"2024-06-30\"},\"format\":\"IN_PERSON\"");
        StoredEvent stored = StoredEvent.of(workshop, 3, Instant.parse("2024-01-16T00:00:41Z"));
        assertThat(stored.timeStamp()).isEqualTo("2024-01-16T00:00:41.000Z");
        assertThat(new String(stored.metaData(), StandardCharsets.UTF_8))
                .matches("\\{\"traceId\":\"([0-9a-f-]{36})\",\"correlationId\":\"\\1\"}");
    }

    @Test
    void progressReportsCarryAnOptionalNullEvidenceAsTheServiceWritesIt() {
        boolean withoutEvidence = false;
        for (int index = 0; index < 20 && !withoutEvidence; index++) {
            for (CommitmentEvent event : histories.history(index)) {
                if (event instanceof ProgressReported report && report.evidence() == null) {
                    withoutEvidence = true;
                    assertThat(new String(
                                    StoredEvent.of(report, 5, Instant.now()).payload(), StandardCharsets.UTF_8))
                            .contains("\"evidence\":null");
                }
            }
        }
        assertThat(withoutEvidence).isTrue();
    }
}
