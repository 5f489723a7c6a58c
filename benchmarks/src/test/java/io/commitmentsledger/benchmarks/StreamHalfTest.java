package io.commitmentsledger.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamHalfTest {

    @Test
    void theSeamPassesEachArgumentAndReadsEachFigureAsTheContractNamesThem() throws Exception {
        StreamHalf.Figures figures = StreamHalf.call(
                "io.commitmentsledger.benchmarks.standin.",
                "localhost:9092",
                "jdbc:store",
                "jdbc:projection",
                URI.create("http://localhost:8080"),
                URI.create("http://localhost:8081"),
                () -> "admin-token",
                () -> "auditor-token",
                100,
                10,
                Duration.ofSeconds(30));

        assertThat(figures.events()).isEqualTo(1_000);
        assertThat(List.of(
                        figures.publicationEventsPerSecond(),
                        figures.plainProducerRecordsPerSecond(),
                        figures.liveApplyEventsPerSecond(),
                        figures.rebuildEventsPerSecond(),
                        figures.plainConsumerRecordsPerSecond()))
                .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(figures.lag()).containsExactly(new StreamHalf.Lag(30, 7, 8));
        assertThat(figures.notes())
                .containsExactly(
                        "localhost:9092",
                        StreamHalf.EVENT_TOPIC,
                        "jdbc:store",
                        "jdbc:projection",
                        "http://localhost:8080",
                        "http://localhost:8081",
                        "admin-token",
                        "auditor-token");
    }
}
