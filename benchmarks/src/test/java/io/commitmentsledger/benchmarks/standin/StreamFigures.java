package io.commitmentsledger.benchmarks.standin;

import java.util.List;

public record StreamFigures(
        long events,
        double publicationEventsPerSecond,
        double plainProducerRecordsPerSecond,
        double liveApplyEventsPerSecond,
        double rebuildEventsPerSecond,
        double plainConsumerRecordsPerSecond,
        List<LagSample> lag,
        List<String> notes) {}
