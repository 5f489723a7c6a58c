package io.commitmentsledger.projection.store;

/** What applying one event did to the read model. */
public enum ApplyOutcome {
    /** Applied, with any parked events that now follow without a gap. */
    APPLIED,
    /** Already applied before (a redelivery): nothing changed. */
    DUPLICATE,
    /** An earlier sequence number is missing: held back until it arrives. */
    PARKED
}
