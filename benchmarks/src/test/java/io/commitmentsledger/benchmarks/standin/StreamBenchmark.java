package io.commitmentsledger.benchmarks.standin;

import java.util.List;

/** Answers figures made from what it was given, so the test sees each argument arrive where the contract puts it. */
public final class StreamBenchmark {

    private final StreamTarget target;
    private final StreamSettings settings;

    public StreamBenchmark(StreamTarget target, StreamSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    public StreamFigures run() throws Exception {
        return new StreamFigures(
                (long) settings.commitments() * settings.eventsPerCommitment(),
                1,
                2,
                3,
                4,
                5,
                List.of(new LagSample(settings.liveWindow().toSeconds(), 7, 8)),
                List.of(
                        target.kafkaBootstrapServers(),
                        target.eventTopic(),
                        target.storeJdbcUrl(),
                        target.projectionJdbcUrl(),
                        target.commitmentsService().toString(),
                        target.projectionService().toString(),
                        target.adminToken().get(),
                        target.auditorToken().get()));
    }
}
