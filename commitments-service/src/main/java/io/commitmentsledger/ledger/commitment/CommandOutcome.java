package io.commitmentsledger.ledger.commitment;

import io.commitmentsledger.contracts.CommitmentId;

/**
 * What an accepted command did: the commitment's version afterwards (the sequence number of its newest event), and
 * whether it recorded anything (a party repeating its confirmation or completion records nothing). The API answers
 * it as the response body, and a retry with the same idempotency key gets it again.
 */
public record CommandOutcome(CommitmentId commitmentId, long version, boolean recorded) {}
