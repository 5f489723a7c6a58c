/** Axon's JDBC event store on PostgreSQL: schema names, serialization, revisions and duplicate-key detection. */
@NullMarked
package io.commitmentsledger.ledger.eventstore;

import org.jspecify.annotations.NullMarked;
