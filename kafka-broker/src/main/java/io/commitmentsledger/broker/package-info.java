/** A real single-node Kafka broker (KRaft) from Maven jars: for a laptop, and for tests that run one in a child JVM. */
@NullMarked
package io.commitmentsledger.broker;

import org.jspecify.annotations.NullMarked;
