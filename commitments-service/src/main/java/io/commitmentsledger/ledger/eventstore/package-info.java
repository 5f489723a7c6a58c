/** Axon's JDBC event store on PostgreSQL: schema names, serialization, revisions and duplicate-key detection. */
package io.commitmentsledger.ledger.eventstore;
