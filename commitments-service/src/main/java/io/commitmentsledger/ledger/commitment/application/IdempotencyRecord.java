package io.commitmentsledger.ledger.commitment.application;

import io.commitmentsledger.ledger.commitment.CommandOutcome;

/** The outcome an idempotent request was first answered with, under its key and the fingerprint of the request. */
record IdempotencyRecord(String key, String fingerprint, CommandOutcome outcome) {}
