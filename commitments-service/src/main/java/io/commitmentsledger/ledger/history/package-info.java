/** A commitment's recorded history read straight from the event store, as auditors replay it. */
package io.commitmentsledger.ledger.history;
