package io.commitmentsledger.projection.verification;

import io.commitmentsledger.projection.summary.IncomingEvent;

/**
 * An event with its place in the ledger's log, checked against the ledger's signature (or read back from the read
 * model, which holds only such events). The read model applies nothing else.
 */
public record VerifiedEvent(IncomingEvent incoming, LedgerLeaf leaf) {

    public String commitmentId() {
        return incoming.commitmentId();
    }

    public long sequence() {
        return incoming.sequence();
    }
}
