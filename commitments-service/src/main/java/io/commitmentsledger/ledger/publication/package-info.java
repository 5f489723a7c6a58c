/**
 * Publication: reads the event store in global order and publishes every event to Kafka as a CloudEvent, keyed by
 * commitment, at least once and in each commitment's order.
 */
@NullMarked
package io.commitmentsledger.ledger.publication;

import org.jspecify.annotations.NullMarked;
