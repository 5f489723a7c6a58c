package io.commitmentsledger.ledger.idempotency;

/** An Idempotency-Key already answered a different request; nothing was recorded. Answered with 422. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request; use a new key per command");
    }
}
