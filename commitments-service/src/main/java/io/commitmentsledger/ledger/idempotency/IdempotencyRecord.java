package io.commitmentsledger.ledger.idempotency;

/** The first response to an idempotent request, in the few fields that rebuild it exactly. */
public record IdempotencyRecord(
        String key, String fingerprint, String commitmentId, int status, long version, boolean recorded) {}
