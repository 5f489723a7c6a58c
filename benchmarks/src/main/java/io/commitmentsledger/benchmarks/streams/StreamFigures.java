package io.commitmentsledger.benchmarks.streams;

import java.util.List;

/**
 * What the stream benchmark measured, each rate next to its raw baseline on the same broker.
 *
 * @param events events loaded into the event store
 * @param publicationEventsPerSecond the ledger's publisher, from the first loaded event's commit until all were on
 *     the topic
 * @param plainProducerRecordsPerSecond a plain producer with commitments-service's producer settings, same number of
 *     records of the same sizes and keys, to a new topic with the same partitions, until all were acknowledged
 * @param liveApplyEventsPerSecond projection-service's live consumer while it had a backlog (bounded by the live
 *     window)
 * @param rebuildEventsPerSecond projection-service's rebuild over the whole topic, from the request until DONE
 * @param plainConsumerRecordsPerSecond a plain consumer in a fresh group reading the whole event topic
 * @param lag one sample a second from the first commit until the live phase ended
 * @param notes what a reader must know to read the figures (loading, waits cut short, counts)
 */
public record StreamFigures(
        long events,
        double publicationEventsPerSecond,
        double plainProducerRecordsPerSecond,
        double liveApplyEventsPerSecond,
        double rebuildEventsPerSecond,
        double plainConsumerRecordsPerSecond,
        List<LagSample> lag,
        List<String> notes) {

    public StreamFigures {
        lag = List.copyOf(lag);
        notes = List.copyOf(notes);
    }
}
