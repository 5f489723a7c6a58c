/** commitments-service: checks commands against each commitment's history and records immutable events. */
@NullMarked
package io.commitmentsledger.ledger;

import org.jspecify.annotations.NullMarked;
