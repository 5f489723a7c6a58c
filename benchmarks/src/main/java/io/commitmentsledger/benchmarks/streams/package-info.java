/**
 * The stream half of the benchmark: publication from the event store to Kafka next to a plain producer, and
 * projection-service's live consumer and rebuild next to a plain consumer of the same topic.
 */
@NullMarked
package io.commitmentsledger.benchmarks.streams;

import org.jspecify.annotations.NullMarked;
