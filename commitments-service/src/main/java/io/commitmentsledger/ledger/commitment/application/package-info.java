/**
 * Runs a commitment command as one use case: one short transaction holding the commitment's advisory lock, the
 * command's events and its idempotency record, so a retried command is answered with its first outcome.
 */
@NullMarked
package io.commitmentsledger.ledger.commitment.application;

import org.jspecify.annotations.NullMarked;
