/**
 * The harness the fault scenarios share: real processes to start, kill and restart (PostgreSQL, the Kafka broker, the
 * services, the launcher), a load of commands that logs every acknowledgement, and the checks of the store, the topic
 * and the projection against those acknowledgements.
 */
@NullMarked
package io.commitmentsledger.faults.support;

import org.jspecify.annotations.NullMarked;
