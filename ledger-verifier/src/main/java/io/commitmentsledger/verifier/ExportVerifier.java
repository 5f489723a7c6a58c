package io.commitmentsledger.verifier;

import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.VerificationFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code verify-export}: checks an NDJSON export of the ledger against a signed checkpoint, streaming it with memory
 * that grows with the number of commitments only. Leaves the checkpoint's root covers need no signature check; when
 * the root does not match, a second pass checks the signature of every leaf it should cover, to locate the events the
 * ledger did not sign.
 */
final class ExportVerifier {

    private final Report report;
    private final Trust trust;
    private final Path export;
    private final Path checkpointFile;
    private final @Nullable Path earlierFile;
    private final boolean allSignatures;
    /** Who signed each checkpoint file that verified, for the summary. */
    private final Map<Path, String> signers = new HashMap<>();

    private ExportVerifier(
            Report report,
            Trust trust,
            Path export,
            Path checkpointFile,
            @Nullable Path earlierFile,
            boolean allSignatures) {
        this.report = report;
        this.trust = trust;
        this.export = export;
        this.checkpointFile = checkpointFile;
        this.earlierFile = earlierFile;
        this.allSignatures = allSignatures;
    }

    static int run(Arguments arguments, Report report) throws UsageError {
        Trust trust = Trust.of(arguments.all("--key"), arguments.optional("--origin"));
        Path export = readable(arguments.required("--export"));
        Path checkpoint = readable(arguments.required("--checkpoint"));
        String earlier = arguments.optional("--earlier-checkpoint");
        return new ExportVerifier(
                        report,
                        trust,
                        export,
                        checkpoint,
                        earlier == null ? null : readable(earlier),
                        arguments.flag("--all-signatures"))
                .verify();
    }

    private int verify() throws UsageError {
        long start = System.nanoTime();
        Checkpoint checkpoint = open(checkpointFile, "checkpoint");
        Checkpoint earlier = earlierFile == null ? null : open(earlierFile, "earlier checkpoint");
        if (checkpoint != null && earlier != null && earlier.size() > checkpoint.size()) {
            report.failure(
                    "earlier checkpoint " + earlierFile,
                    "it covers " + earlier.size() + " leaves, more than the " + checkpoint.size()
                            + " of the checkpoint: it is not earlier, or the log shrank");
        }
        Set<Long> sizes = new HashSet<>();
        if (checkpoint != null) {
            sizes.add(checkpoint.size());
        }
        if (earlier != null) {
            sizes.add(earlier.size());
        }
        LogAudit audit = new LogAudit(report, sizes);
        LeafChecks checks = new LeafChecks(report, trust);

        long lines = read(audit, checks, checkpoint == null ? 0 : checkpoint.size());

        LogAudit.RootCheck rootCheck = checkpoint == null
                ? null
                : audit.checkAndReport(
                        "checkpoint " + checkpointFile,
                        checkpoint,
                        "the export",
                        "the export is not the log the ledger signed");
        LogAudit.RootCheck earlierCheck = earlier == null
                ? null
                : audit.checkAndReport(
                        "earlier checkpoint " + earlierFile,
                        earlier,
                        "the export",
                        "the ledger no longer shows the log it showed before");
        boolean rootCovers = rootCheck == LogAudit.RootCheck.MATCHES;
        if (checkpoint != null && audit.startsAtZero() && !rootCovers && !allSignatures) {
            locate(checks, checkpoint.size());
        }

        report.summary(
                "export",
                export + ": " + audit.leaves() + " events on " + lines + " lines"
                        + (audit.leaves() == 0
                                ? ""
                                : ", log indexes " + audit.firstIndex() + " to " + audit.lastIndex())
                        + ", " + audit.commitments() + " commitments");
        report.summary(
                "tree",
                audit.startsAtZero()
                        ? audit.leaves() + " leaves, root " + Report.base64(audit.root())
                        : "no root: the export starts at log index " + audit.firstIndex());
        summarise("checkpoint", checkpointFile, checkpoint, rootCheck);
        if (earlierFile != null) {
            summarise("earlier", earlierFile, earlier, earlierCheck);
        }
        report.summary(
                "signatures",
                checks.signaturesChecked() + " checked, " + checks.signaturesFailed() + " failed"
                        + (allSignatures
                                ? " (--all-signatures)"
                                : rootCovers
                                        ? " (the leaves past the checkpoint: its root vouches for the others)"
                                        : " (every leaf: no matching root vouches for them)"));
        report.summary("rate", Report.rate(audit.leaves(), System.nanoTime() - start));
        return report.verdict();
    }

    /** The first pass: every line, every check; signatures of the leaves past {@code covered} only. */
    private long read(LogAudit audit, LeafChecks checks, long covered) throws UsageError {
        long coveredByRoot = covered;
        long lineNumber = 0;
        try (BufferedReader reader = open()) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                LedgerEvent event = parse(line, lineNumber);
                byte[] leafHash = event == null ? null : checks.rebuild(event);
                if (event == null || leafHash == null) {
                    audit.unreadable();
                    continue;
                }
                if (audit.leaves() == 0 && event.logIndex() != 0) {
                    coveredByRoot = 0;
                }
                if (allSignatures || event.logIndex() >= coveredByRoot) {
                    checks.signature(event, leafHash);
                }
                audit.leaf(new LogAudit.Leaf(
                        event.describe(),
                        event.logIndex(),
                        event.commitmentId(),
                        event.sequence(),
                        leafHash,
                        event.leafHash(),
                        event.previousLeafHash()));
            }
        } catch (CharacterCodingException e) {
            report.failure("line " + (lineNumber + 1), "not UTF-8 text; the export is read no further");
        } catch (IOException e) {
            throw new UsageError("cannot read " + export + ": " + e.getMessage());
        }
        return lineNumber;
    }

    /**
     * The second pass, when the root does not match: checks the ledger's signature of every leaf the checkpoint
     * should cover, so that a changed event is named even if its leaf hash and chain were recomputed to match.
     */
    private void locate(LeafChecks checks, long covered) throws UsageError {
        long failedBefore = checks.signaturesFailed();
        long lineNumber = 0;
        try (BufferedReader reader = open()) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                LedgerEvent event = quietParse(line, lineNumber);
                if (event != null && event.logIndex() < covered) {
                    byte[] leafHash = quietHash(event);
                    if (leafHash != null) {
                        checks.signature(event, leafHash);
                    }
                }
            }
        } catch (IOException e) {
            return; // the first pass has said why the export cannot be read
        }
        if (checks.signaturesFailed() == failedBefore) {
            report.note("every leaf the checkpoint covers carries the ledger's signature: the events are the ledger's,"
                    + " so what differs is which of them the export holds, or their order (see above)");
        } else {
            report.note("the root does not match; the events whose leaf signature fails above are the ones that"
                    + " are not as the ledger signed them");
        }
    }

    private @Nullable LedgerEvent parse(String line, long lineNumber) {
        try {
            return ExportLine.parse(line, lineNumber);
        } catch (IllegalArgumentException e) {
            report.failure("line " + lineNumber, e.getMessage());
            return null;
        }
    }

    private static @Nullable LedgerEvent quietParse(String line, long lineNumber) {
        try {
            return ExportLine.parse(line, lineNumber);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte @Nullable [] quietHash(LedgerEvent event) {
        try {
            return event.leaf().hash();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private @Nullable Checkpoint open(Path file, String what) throws UsageError {
        String note;
        try {
            note = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("cannot read the " + what + " " + file + ": " + e.getMessage());
        }
        try {
            Checkpoint checkpoint = trust.open(note);
            signers.put(file, trust.signersOf(note));
            return checkpoint;
        } catch (VerificationFailure e) {
            report.failure(what + " " + file, e.getMessage());
            return null;
        }
    }

    private void summarise(
            String label, Path file, @Nullable Checkpoint checkpoint, LogAudit.@Nullable RootCheck check) {
        if (checkpoint == null || check == null) {
            report.summary(label, file + ": does not verify");
            return;
        }
        report.summary(
                label,
                file + ": log " + checkpoint.origin() + ", " + checkpoint.size() + " leaves, root "
                        + Report.base64(checkpoint.rootHash()) + ", signed by " + signers.get(file) + ": "
                        + switch (check) {
                            case MATCHES -> "root matches the export";
                            case DIFFERS -> "ROOT DIFFERS from the export's";
                            case TOO_FEW_LEAVES -> "the export is SHORTER than the checkpoint";
                            case NOT_FROM_ZERO -> "root not checked (the export does not start at log index 0)";
                        });
    }

    private BufferedReader open() throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(export), decoder), 1 << 16);
    }

    private static Path readable(String name) throws UsageError {
        Path path = Path.of(name);
        if (!Files.isRegularFile(path)) {
            throw new UsageError(name + ": no such file");
        }
        return path;
    }
}
