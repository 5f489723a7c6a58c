package io.commitmentsledger.verifier;

import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.TlogProof;
import io.commitmentsledger.contracts.log.VerificationFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code verify-proof}: checks one C2SP tlog-proof bundle, which carries the event's leaf, its inclusion proof and a
 * signed checkpoint, and prints the event it proves. Nothing in the bundle is trusted until the proof leads from the
 * leaf's hash to the root a trusted key signed.
 */
final class ProofVerifier {

    private ProofVerifier() {}

    static int run(Arguments arguments, Report report, PrintWriter out) throws UsageError {
        Trust trust = Trust.of(arguments.all("--key"), arguments.optional("--origin"));
        Path file = Path.of(arguments.required("--proof"));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("cannot read the proof " + file + ": " + e.getMessage());
        }
        TlogProof proof;
        Checkpoint checkpoint;
        try {
            proof = TlogProof.parse(text);
            checkpoint = proof.verify(trust.originFor(proof.signedCheckpoint()), trust.verifiers());
        } catch (VerificationFailure e) {
            report.failure("proof " + file, e.getMessage());
            return report.verdict();
        }
        LogLeaf leaf = proof.leaf();
        report.summary(
                "checkpoint",
                "log " + checkpoint.origin() + ", " + checkpoint.size() + " leaves, root "
                        + Report.base64(checkpoint.rootHash()) + ", signed by "
                        + trust.signersOf(proof.signedCheckpoint()));
        report.summary(
                "proof",
                "leaf " + leaf.logIndex() + " is in that tree ("
                        + proof.inclusionProof().size() + " hashes lead from" + " its leaf hash "
                        + Report.base64(leaf.hash()) + " to the root)");
        out.println("the event it proves:");
        report.summary("  commitment", leaf.commitmentId() + ", sequence " + leaf.sequence());
        report.summary("  event id", leaf.eventId());
        report.summary("  type", EventTypes.cloudEventType(leaf.type(), leaf.revision()));
        report.summary("  recorded at", leaf.recordedAt());
        report.summary("  occurred on", leaf.occurredOn());
        report.summary("  actor", leaf.actor());
        report.summary("  payload", new String(leaf.payload(), StandardCharsets.UTF_8));
        return report.verdict();
    }
}
