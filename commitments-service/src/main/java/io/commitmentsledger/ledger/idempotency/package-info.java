/** Durable idempotency records, so that a retried command is answered with its first response and recorded once. */
package io.commitmentsledger.ledger.idempotency;
