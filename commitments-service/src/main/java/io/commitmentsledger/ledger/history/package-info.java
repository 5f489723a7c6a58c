/** A commitment's recorded history read straight from the event store, as auditors replay it. */
@NullMarked
package io.commitmentsledger.ledger.history;

import org.jspecify.annotations.NullMarked;
