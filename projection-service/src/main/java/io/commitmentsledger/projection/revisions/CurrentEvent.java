package io.commitmentsledger.projection.revisions;

import io.commitmentsledger.contracts.events.CommitmentEvent;

/** An event in its current revision: the fact, and its JSON in that revision's shape. */
public record CurrentEvent(int revision, CommitmentEvent event, String payload) {}
