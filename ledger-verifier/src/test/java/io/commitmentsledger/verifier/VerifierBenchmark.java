package io.commitmentsledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.crypto.BouncyCastleEd25519;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast verify-export checks a large export: {@value #EVENTS} generated events of {@value #COMMITMENTS}
 * commitments, interleaved. Not part of the default build (the class name ends in neither Test nor IT); run it with
 * {@code ./mvnw -pl ledger-verifier test -Pbenchmark}, which caps the heap at 64 MB. Fails only if the export does not
 * verify, never on speed; writes its figures to {@code target/benchmark/verifier.txt} as well as to the console.
 */
class VerifierBenchmark {

    static final int EVENTS = 200_000;
    static final int COMMITMENTS = 20_000;
    /** Leaves past the earlier checkpoint, whose signatures verify-export checks against it. */
    static final int PAST_CHECKPOINT = 10_000;

    static final String[] AGENCIES = {"JP/METI", "JP/MIC", "JP/DA", "GB/DSIT"};

    @TempDir
    Path directory;

    @Test
    void verifyExportRate() throws IOException {
        Path export = directory.resolve("ledger.ndjson");
        TestLedger ledger = TestLedger.large("commitments-ledger", BouncyCastleEd25519.INSTANCE);
        Random random = new Random(20240116);
        String earlierCheckpoint = null;
        long generation = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            for (int i = 0; i < EVENTS; i++) {
                if (i == EVENTS - PAST_CHECKPOINT) {
                    earlierCheckpoint = ledger.checkpoint();
                }
                String commitment = "commitment-" + random.nextInt(COMMITMENTS);
                String agency = AGENCIES[random.nextInt(AGENCIES.length)];
                TestLedger.Recorded event = i < COMMITMENTS
                        ? ledger.confirm("commitment-" + i, agency)
                        : ledger.progress(commitment, agency, "Progress report " + i + " on the joint work programme");
                out.write(event.line());
                out.write('\n');
            }
        }
        generation = System.nanoTime() - generation;
        Path checkpoint = Files.writeString(directory.resolve("checkpoint.txt"), ledger.checkpoint());
        Path earlier = Files.writeString(directory.resolve("earlier-checkpoint.txt"), earlierCheckpoint);
        Path key = Files.writeString(directory.resolve("verifier-key.txt"), ledger.verifierKey());

        List<String> figures = new ArrayList<>();
        figures.add(String.format(
                "generated %,d events of %,d commitments (%,d MB) in %.1f s",
                EVENTS, COMMITMENTS, Files.size(export) >> 20, generation / 1e9));
        // The first run warms the JIT up; the second is the figure.
        for (int round = 1; round <= 2; round++) {
            figures.add("round " + round + ", every leaf covered by the checkpoint's root: "
                    + rate(verify(export, checkpoint, key)));
            figures.add("round " + round + ", the last " + PAST_CHECKPOINT + " leaves past the checkpoint (their"
                    + " signatures checked, JDK Ed25519): " + rate(verify(export, earlier, key)));
        }
        figures.add("heap: " + (Runtime.getRuntime().maxMemory() >> 20) + " MB at most");
        figures.forEach(System.out::println);
        String output = System.getProperty("benchmark.output");
        if (output != null) {
            Files.createDirectories(Path.of(output).getParent());
            Files.write(Path.of(output), figures);
        }
    }

    private static Verifier.Run verify(Path export, Path checkpoint, Path key) {
        Verifier.Run run = Verifier.run(
                "verify-export",
                "--export",
                export.toString(),
                "--checkpoint",
                checkpoint.toString(),
                "--key",
                key.toString());
        assertThat(run.status()).as(run.report()).isZero();
        return run;
    }

    private static String rate(Verifier.Run run) {
        return run.report()
                .lines()
                .filter(line -> line.startsWith("rate") || line.startsWith("signatures"))
                .map(line -> line.substring(14))
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
    }
}
