package io.commitmentsledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.NoteSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyExportTest {

    static final String ORIGIN = "commitments-ledger";

    @TempDir
    Path directory;

    TestLedger ledger;
    List<TestLedger.Recorded> events;
    List<String> lines;
    Path export;
    Path checkpoint;
    Path key;

    /** Four commitments, their events interleaved as the ledger records them, and a checkpoint of all twelve. */
    @BeforeEach
    void recordTheLedger() throws IOException {
        ledger = TestLedger.withNewKey(ORIGIN);
        events = new ArrayList<>();
        events.add(ledger.confirm("semiconductor-workshop", "JP/METI")); // line 1
        events.add(ledger.confirm("ai-safety-dialogue", "JP/MIC"));
        events.add(ledger.confirm("semiconductor-workshop", "GB/DSIT"));
        events.add(ledger.confirm("data-free-flow", "JP/DA"));
        events.add(ledger.confirm("ai-safety-dialogue", "GB/DSIT")); // line 5
        events.add(ledger.progress("semiconductor-workshop", "JP/METI", "Venue booked")); // line 6
        events.add(ledger.confirm("open-ran", "JP/MIC"));
        events.add(ledger.progress("data-free-flow", "GB/DSIT", "Pilot agreed"));
        events.add(ledger.progress("ai-safety-dialogue", "JP/METI", "First session held"));
        events.add(ledger.progress("semiconductor-workshop", "GB/DSIT", "Agenda published")); // line 10
        events.add(ledger.progress("open-ran", "GB/DSIT", "Vendors invited"));
        events.add(ledger.progress("data-free-flow", "JP/DA", "Report drafted")); // line 12
        lines = new ArrayList<>(events.stream().map(TestLedger.Recorded::line).toList());
        export = directory.resolve("ledger.ndjson");
        checkpoint = write("checkpoint.txt", ledger.checkpoint());
        key = write("verifier-key.txt", ledger.verifierKey() + "\n");
    }

    @Test
    void anUntouchedExportVerifies() throws IOException {
        Verifier.Run run = verify();

        assertThat(run.status()).as(run.report()).isZero();
        assertThat(run.failures()).isEmpty();
        assertThat(run.report())
                .contains("12 events on 12 lines, log indexes 0 to 11, 4 commitments")
                .contains(", signed by " + ORIGIN + "+")
                .contains("root matches the export")
                .contains("0 checked, 0 failed (the leaves past the checkpoint: its root vouches for the others)")
                .contains("events/s")
                .contains("RESULT        VERIFIED");
    }

    @Test
    void aChangedPayloadIsNamedByItsLineAndItsSignature() throws IOException {
        lines.set(5, lines.get(5).replace("\"JP/METI\"", "\"GB/DSIT\""));

        Verifier.Run run = verify();

        assertThat(run.status()).as(run.report()).isEqualTo(1);
        String where = "FAIL line 6 (log index 5, commitment semiconductor-workshop, sequence 2): ";
        assertThat(run.failures())
                .contains(where + "leaf hash: the event states "
                        + base64(events.get(5).leafHash())
                        + " but its fields hash to "
                        + base64(TestLedger.Line.parse(lines.get(5)).rebuiltLeafHash())
                        + ": a field the leaf covers was changed (commitment, sequence, event id, type, time, data,"
                        + " previousleafhash or log index)")
                .contains(where + "leaf signature: the leaf signature does not verify with the ledger's key: the"
                        + " ledger did not sign this event as it stands")
                .anyMatch(line -> line.startsWith("FAIL checkpoint " + checkpoint + ": root: it covers 12 leaves"));
        assertThat(linesNamed(run)).containsOnly("line 6");
    }

    @Test
    void aChangedTimeIsNamedByItsLine() throws IOException {
        TestLedger.Line line = TestLedger.Line.parse(lines.get(8));
        lines.set(8, line.withTime("2023-12-31T23:59:59.000000Z").json());

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .anyMatch(failure -> failure.startsWith(
                        "FAIL line 9 (log index 8, commitment ai-safety-dialogue, sequence 2): leaf hash: the event"
                                + " states " + base64(events.get(8).leafHash())));
        assertThat(linesNamed(run)).containsOnly("line 9");
    }

    @Test
    void aDeletedLineIsAGapInTheLogAndInItsCommitmentsChain() throws IOException {
        lines.remove(5);

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .contains("FAIL line 6 (log index 6, commitment open-ran, sequence 0): log index 6 follows 4: expected"
                        + " 5; log index 5 is missing")
                .contains("FAIL line 9 (log index 9, commitment semiconductor-workshop, sequence 3): chain: commitment"
                        + " semiconductor-workshop has sequence 3 after sequence 1 (log index 2): expected sequence 2")
                .contains("FAIL checkpoint " + checkpoint + ": root: it covers 12 leaves, but the export holds only"
                        + " 11 (its last log index is 11): it is cut short, or older than the checkpoint");
        assertThat(run.report()).contains("NOTE every leaf the checkpoint covers carries the ledger's signature");
    }

    @Test
    void anInsertedLineIsOutOfOrderAndBreaksItsChain() throws IOException {
        lines.add(7, lines.get(2));

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .contains("FAIL line 8 (log index 2, commitment semiconductor-workshop, sequence 1): log index 2"
                        + " follows 6: expected 7; log index 2 comes again or out of order")
                .contains("FAIL line 8 (log index 2, commitment semiconductor-workshop, sequence 1): chain:"
                        + " commitment semiconductor-workshop has sequence 1 after sequence 2 (log index 5): expected"
                        + " sequence 3")
                .noneMatch(line -> line.startsWith("FAIL line 9 (log index 7"));
    }

    @Test
    void swappedLinesAreBothNamed() throws IOException {
        String third = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, third);

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .contains("FAIL line 3 (log index 3, commitment data-free-flow, sequence 0): log index 3 follows 1:"
                        + " expected 2; log index 2 is missing")
                .contains("FAIL line 4 (log index 2, commitment semiconductor-workshop, sequence 1): log index 2"
                        + " follows 3: expected 4; log index 2 comes again or out of order")
                .anyMatch(line -> line.startsWith("FAIL checkpoint " + checkpoint + ": root: it covers 12 leaves with"
                        + " root " + base64(rootOf(ledger)) + ", but the first 12 leaves of the export have root "));
    }

    @Test
    void anExportCutShortOfTheCheckpointFails() throws IOException {
        lines.subList(9, 12).clear();

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .containsExactly("FAIL checkpoint " + checkpoint + ": root: it covers 12 leaves, but the export holds"
                        + " only 9 (its last log index is 8): it is cut short, or older than the checkpoint");
    }

    @Test
    void aCheckpointOfAnotherTreeFails() throws IOException {
        TestLedger other = TestLedger.withKey(privateKeyOf(ledger));
        for (int i = 0; i < 12; i++) {
            other.confirm("another-commitment-" + i, "JP/METI");
        }
        write("checkpoint.txt", other.checkpoint());

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .containsExactly("FAIL checkpoint " + checkpoint + ": root: it covers 12 leaves with root "
                        + base64(rootOf(other)) + ", but the first 12 leaves of the export have root "
                        + base64(rootOf(ledger)) + ": the export is not the log the ledger signed");
        assertThat(run.report()).contains("NOTE every leaf the checkpoint covers carries the ledger's signature");
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails() throws IOException {
        NoteSigner impostor = NoteSigner.parse(NoteSigner.generate(ORIGIN));
        String note = Files.readString(checkpoint);
        write("checkpoint.txt", impostor.sign(note.substring(0, note.indexOf("\n\n") + 1)));

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .containsExactly("FAIL checkpoint " + checkpoint + ": no trusted key signed the note");
        assertThat(run.report()).contains("12 checked, 0 failed (every leaf: no matching root vouches for them)");
    }

    @Test
    void anEarlierCheckpointOfThisLogVerifies() throws IOException {
        TestLedger replay = TestLedger.withKey(privateKeyOf(ledger));
        events.subList(0, 5)
                .forEach(event -> replay.record(
                        event.leaf().commitmentId(),
                        event.leaf().type(),
                        new String(event.leaf().payload())));
        Path earlier = write("earlier-checkpoint.txt", replay.checkpoint());

        Verifier.Run run = verify("--earlier-checkpoint", earlier.toString());

        assertThat(run.status()).as(run.report()).isZero();
        assertThat(run.report())
                .contains(earlier + ": log " + ORIGIN + ", 5 leaves")
                .contains("root matches");
    }

    @Test
    void anEarlierCheckpointTheExportNoLongerMatchesFails() throws IOException {
        TestLedger rewritten = TestLedger.withKey(privateKeyOf(ledger));
        rewritten.confirm("semiconductor-workshop", "JP/METI");
        rewritten.confirm("ai-safety-dialogue", "JP/MIC");
        rewritten.confirm("semiconductor-workshop", "JP/METI");
        Path earlier = write("earlier-checkpoint.txt", rewritten.checkpoint());

        Verifier.Run run = verify("--earlier-checkpoint", earlier.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .containsExactly("FAIL earlier checkpoint " + earlier + ": root: it covers 3 leaves with root "
                        + base64(rootOf(rewritten)) + ", but the first 3 leaves of the export have root "
                        + base64(rootOfFirst(3)) + ": the ledger no longer shows the log it showed before");
    }

    @Test
    void anEarlierCheckpointLargerThanTheCheckpointFails() throws IOException {
        Path earlier = write("earlier-checkpoint.txt", ledger.checkpoint());
        lines.subList(6, 12).clear();
        TestLedger replay = TestLedger.withKey(privateKeyOf(ledger));
        events.subList(0, 6)
                .forEach(event -> replay.record(
                        event.leaf().commitmentId(),
                        event.leaf().type(),
                        new String(event.leaf().payload())));
        write("checkpoint.txt", replay.checkpoint());

        Verifier.Run run = verify("--earlier-checkpoint", earlier.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .contains("FAIL earlier checkpoint " + earlier + ": it covers 12 leaves, more than the 6 of the"
                        + " checkpoint: it is not earlier, or the log shrank");
    }

    /**
     * A forger changes a payload and recomputes its leaf hash and the chain after it: every line is consistent on its
     * own, but the root gives it away and the ledger's signature names the changed line.
     */
    @Test
    void aForgerWhoRecomputesLeafHashesAndTheChainIsLocatedByTheLeafSignature() throws IOException {
        TestLedger.Line forged = TestLedger.Line.parse(lines.get(5));
        forged = forged.withData(forged.data().replace("Venue booked", "Workshop cancelled"));
        forged = forged.withLeafHash(forged.rebuiltLeafHash());
        lines.set(5, forged.json());
        TestLedger.Line next = TestLedger.Line.parse(lines.get(9)).withPreviousLeafHash(forged.leafHash());
        next = next.withLeafHash(next.rebuiltLeafHash());
        lines.set(9, next.json());

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .noneMatch(line -> line.contains("leaf hash:") || line.contains("chain:"))
                .contains("FAIL line 6 (log index 5, commitment semiconductor-workshop, sequence 2): leaf signature:"
                        + " the leaf signature does not verify with the ledger's key: the ledger did not sign this"
                        + " event as it stands")
                .anyMatch(line -> line.startsWith("FAIL checkpoint " + checkpoint + ": root: it covers 12 leaves"));
        assertThat(linesNamed(run)).containsOnly("line 6", "line 10");
    }

    @Test
    void anEventBeyondTheCheckpointSignedByAnotherKeyFails() throws IOException {
        NoteSigner impostor = NoteSigner.parse(NoteSigner.generate(ORIGIN));
        TestLedger.Recorded genuine = ledger.progress("open-ran", "JP/MIC", "Trial started");
        TestLedger.Line forged = TestLedger.Line.parse(genuine.line())
                .withData(new String(genuine.leaf().payload()).replace("Trial started", "Trial completed"));
        forged = forged.withLeafHash(forged.rebuiltLeafHash());
        lines.add(forged.withSignature(LeafSignature.sign(impostor, forged.leafHash()))
                .json());

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .containsExactly("FAIL line 13 (log index 12, commitment open-ran, sequence 2): leaf signature: the"
                        + " leaf is signed by an unknown key (id " + keyIdOf(impostor) + "): the ledger did not sign"
                        + " this event as it stands");
        assertThat(run.report()).contains("1 checked, 1 failed");
    }

    @Test
    void eventsBeyondTheCheckpointAreCheckedByTheirSignatures() throws IOException {
        lines.add(ledger.progress("open-ran", "JP/MIC", "Trial started").line());
        lines.add(ledger.progress("ai-safety-dialogue", "GB/DSIT", "Second session held")
                .line());

        Verifier.Run run = verify();

        assertThat(run.status()).as(run.report()).isZero();
        assertThat(run.report()).contains("14 events").contains("2 checked, 0 failed");
    }

    @Test
    void allSignaturesChecksEveryLeaf() throws IOException {
        Verifier.Run run = verify("--all-signatures");

        assertThat(run.status()).isZero();
        assertThat(run.report()).contains("12 checked, 0 failed (--all-signatures)");
    }

    @Test
    void anExportFromALaterIndexIsCheckedExceptForItsRoot() throws IOException {
        lines.subList(0, 4).clear();

        Verifier.Run run = verify();

        assertThat(run.status()).as(run.report()).isZero();
        assertThat(run.report())
                .contains("NOTE line 1 (log index 4, commitment ai-safety-dialogue, sequence 1): the first event has"
                        + " log index 4, not 0")
                .contains("NOTE checkpoint " + checkpoint + ": root not checked: the export starts at log index 4")
                .contains("8 checked, 0 failed");
    }

    @Test
    void aLineWithoutAMemberIsNamed() throws IOException {
        lines.set(3, lines.get(3).replaceFirst("\"time\":\"[^\"]*\",", ""));

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .contains("FAIL line 4: expected the members " + ExportLine.MEMBERS + "; missing [time]");
    }

    @Test
    void aLineThatIsNotJsonIsNamed() throws IOException {
        lines.set(3, lines.get(3).substring(0, 40));

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures()).anyMatch(line -> line.startsWith("FAIL line 4: not a JSON object:"));
        assertThat(run.failures()).noneMatch(line -> line.contains("log index 4 follows"));
    }

    @Test
    void failuresPastTheLimitAreCountedNotShown() throws IOException {
        for (int i = 0; i < 12; i++) {
            lines.set(i, lines.get(i).replace("\"occurredOn\"", "\"occurredOn \""));
        }

        Verifier.Run run = verify("--max-failures", "3", "--all-signatures");

        assertThat(run.failures()).hasSize(4).last().asString().contains("more failures: counted, not shown");
        assertThat(run.report()).contains("FAILED: 25 failures");
    }

    @Test
    void aCheckpointOfAnotherOriginFails() throws IOException {
        Verifier.Run run = verify("--origin", "another-ledger.example/log");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .containsExactly("FAIL checkpoint " + checkpoint + ": the checkpoint is of the log " + ORIGIN
                        + ", not of another-ledger.example/log");
    }

    @Test
    void aKeyFileMayListTheKeysOfEveryRotation() throws IOException {
        String retired =
                NoteSigner.parse(NoteSigner.generate(ORIGIN)).verifier().verifierKey();
        write("verifier-key.txt", retired + "\n" + ledger.verifierKey() + "\n");

        Verifier.Run run = verify("--all-signatures");

        assertThat(run.status()).as(run.report()).isZero();
        assertThat(run.report()).contains("12 checked, 0 failed");
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        writeExport();
        assertThat(Verifier.run().status()).isEqualTo(2);
        assertThat(Verifier.run("--help").status()).isZero();
        assertThat(Verifier.run("verify-export", "--export", export.toString(), "--checkpoint", checkpoint.toString())
                        .report())
                .contains("cannot verify: --key is required");
        assertThat(Verifier.run(
                                "verify-export",
                                "--export",
                                "no-such.ndjson",
                                "--checkpoint",
                                checkpoint.toString(),
                                "--key",
                                key.toString())
                        .status())
                .isEqualTo(2);
        assertThat(Verifier.run("verify-export", "--colour", "blue").report())
                .contains("cannot verify: unknown option --colour");
        assertThat(Verifier.run("verify-export", "--key", "not-a-key").report())
                .contains("cannot verify: --key not-a-key: a verifier key is <name>+<key id>+<base64 key>");
        assertThat(Verifier.run("verify-everything").status()).isEqualTo(2);
    }

    @Test
    void aKeyIsTakenAsTextWhenItIsNoFile() throws IOException {
        writeExport();
        Verifier.Run run = Verifier.run(
                "verify-export",
                "--export",
                export.toString(),
                "--checkpoint",
                checkpoint.toString(),
                "--key",
                ledger.verifierKey());

        assertThat(run.status()).as(run.report()).isZero();
    }

    private Verifier.Run verify(String... more) throws IOException {
        writeExport();
        List<String> args = new ArrayList<>(List.of(
                "verify-export",
                "--export",
                export.toString(),
                "--checkpoint",
                checkpoint.toString(),
                "--key",
                key.toString()));
        args.addAll(List.of(more));
        return Verifier.run(args.toArray(String[]::new));
    }

    private void writeExport() throws IOException {
        Files.writeString(export, String.join("\n", lines) + "\n");
    }

    private Path write(String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** The export lines the FAIL lines name, such as "line 6". */
    private static List<String> linesNamed(Verifier.Run run) {
        return run.failures().stream()
                .filter(line -> line.startsWith("FAIL line "))
                .map(line -> line.substring("FAIL ".length(), line.indexOf(' ', "FAIL line ".length())))
                .toList();
    }

    private byte[] rootOfFirst(int size) {
        TestLedger replay = TestLedger.withNewKey(ORIGIN);
        events.subList(0, size)
                .forEach(event -> replay.record(
                        event.leaf().commitmentId(),
                        event.leaf().type(),
                        new String(event.leaf().payload())));
        return rootOf(replay);
    }

    private static byte[] rootOf(TestLedger ledger) {
        return ledger.root();
    }

    private static String privateKeyOf(TestLedger ledger) {
        return ledger.privateKey();
    }

    private static String keyIdOf(NoteSigner signer) {
        return java.util.HexFormat.of().toHexDigits(signer.keyId());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
