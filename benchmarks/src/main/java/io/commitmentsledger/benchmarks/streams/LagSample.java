package io.commitmentsledger.benchmarks.streams;

/**
 * Where the stream stood at one moment, counted in events.
 *
 * @param seconds since the first loaded event was committed to the event store
 * @param recordedNotPublished loaded into the event store but not yet on the topic
 * @param publishedNotApplied on the topic but beyond projection-service's committed offsets
 */
public record LagSample(double seconds, long recordedNotPublished, long publishedNotApplied) {}
