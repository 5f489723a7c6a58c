package io.commitmentsledger.projection.consumer;

import io.commitmentsledger.contracts.upcasting.RevisionNotYetKnown;

/**
 * A record of an event the ledger did record, but at a revision newer than this service knows: an upgraded
 * projection-service reads it. Until then it is not applied (dead-lettered live, skipped in a rebuild), never read into
 * an older shape.
 */
public class RevisionNotYetUnderstood extends UnreadableRecord {

    public RevisionNotYetUnderstood(RevisionNotYetKnown cause) {
        super("not yet understood", cause);
    }
}
