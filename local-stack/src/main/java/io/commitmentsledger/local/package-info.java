/** The whole ledger on a laptop: a Kafka broker, both services from their jars, the seeds, data in one directory. */
@NullMarked
package io.commitmentsledger.local;

import org.jspecify.annotations.NullMarked;
