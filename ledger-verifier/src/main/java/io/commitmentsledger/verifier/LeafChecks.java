package io.commitmentsledger.verifier;

import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.VerificationFailure;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** The checks of one event on its own: its leaf rebuilt from its fields, and the ledger's signature of that leaf. */
final class LeafChecks {

    private final Report report;
    private final Trust trust;
    private long signaturesChecked;
    private long signaturesFailed;

    LeafChecks(Report report, Trust trust) {
        this.report = report;
        this.trust = trust;
    }

    /**
     * The hash of the leaf rebuilt from the event's fields, after checking that it is the leaf hash the event states;
     * null, with a failure reported, if no leaf can be built from the fields.
     */
    byte @Nullable [] rebuild(LedgerEvent event) {
        byte[] rebuilt;
        try {
            rebuilt = event.leaf().hash();
        } catch (IllegalArgumentException e) {
            report.failure(event.describe(), "no leaf can be built from the event: " + e.getMessage());
            return null;
        }
        if (!Arrays.equals(rebuilt, event.leafHash())) {
            report.failure(
                    event.describe(),
                    "leaf hash: the event states " + Report.base64(event.leafHash()) + " but its fields hash to "
                            + Report.base64(rebuilt) + ": a field the leaf covers was changed (commitment, sequence,"
                            + " event id, type, time, data, previousleafhash or log index)");
        }
        return rebuilt;
    }

    /** Checks that the ledger signed the rebuilt leaf hash; reports a failure if not. */
    boolean signature(LedgerEvent event, byte[] rebuiltLeafHash) {
        signaturesChecked++;
        try {
            LeafSignature.verify(rebuiltLeafHash, event.signature(), trust.verifiers());
            return true;
        } catch (VerificationFailure e) {
            signaturesFailed++;
            report.failure(
                    event.describe(),
                    "leaf signature: " + e.getMessage() + ": the ledger did not sign this event as it stands");
            return false;
        }
    }

    /** Whether the ledger signed the rebuilt leaf hash, without reporting anything. */
    boolean signedByTheLedger(LedgerEvent event, byte[] rebuiltLeafHash) {
        try {
            LeafSignature.verify(rebuiltLeafHash, event.signature(), trust.verifiers());
            return true;
        } catch (VerificationFailure e) {
            return false;
        }
    }

    long signaturesChecked() {
        return signaturesChecked;
    }

    long signaturesFailed() {
        return signaturesFailed;
    }
}
