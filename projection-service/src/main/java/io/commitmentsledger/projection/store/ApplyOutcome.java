package io.commitmentsledger.projection.store;

/** What applying one event did to the read model. */
public enum ApplyOutcome {
    /** Applied, with any parked events that now follow without a gap. */
    APPLIED,
    /** Already applied before (a redelivery): nothing changed. */
    DUPLICATE,
    /** An earlier sequence number is missing: held back until it arrives. */
    PARKED,
    /**
     * The projection cannot apply it (the fold refuses it): an {@link Incidents incident} is open, and the commitment's
     * later events are parked until an event at this sequence is applied.
     */
    REFUSED
}
