package io.commitmentsledger.ledger.commitment.application;

/** An idempotency key already answered a different request; nothing was recorded. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request; use a new key per command");
    }
}
