/**
 * Reading the event topic: turning Kafka records back into events, applying them to the read model exactly once per
 * commitment and sequence, and sending unreadable records to the dead-letter topic.
 */
@NullMarked
package io.commitmentsledger.projection.consumer;

import org.jspecify.annotations.NullMarked;
