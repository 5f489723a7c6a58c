package io.commitmentsledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyProofTest {

    @TempDir
    Path directory;

    TestLedger ledger;
    TestLedger.Recorded confirmation;
    String proof;

    @BeforeEach
    void recordTheLedger() {
        ledger = TestLedger.withNewKey("commitments-ledger");
        ledger.confirm("semiconductor-workshop", "JP/METI");
        ledger.confirm("ai-safety-dialogue", "JP/MIC");
        confirmation = ledger.confirm("semiconductor-workshop", "GB/DSIT");
        ledger.progress("semiconductor-workshop", "JP/METI", "Venue booked");
        ledger.progress("ai-safety-dialogue", "GB/DSIT", "First session held");
        proof = ledger.proof(confirmation);
    }

    @Test
    void aValidBundleVerifiesAndShowsItsEvent() throws IOException {
        Verifier.Run run = verify(proof);

        assertThat(run.status()).as(run.report()).isZero();
        assertThat(run.report())
                .contains("log commitments-ledger, 5 leaves, root " + base64(ledger.root()))
                .contains("leaf 2 is in that tree (3 hashes lead from its leaf hash " + base64(confirmation.leafHash())
                        + " to the root)")
                .contains("semiconductor-workshop, sequence 1")
                .contains("dev.commitments-ledger.CommitmentConfirmed.v1")
                .contains(TestLedger.recordedAt(2))
                .contains("GB/DSIT")
                .contains("{\"commitmentId\":\"semiconductor-workshop\",\"actor\":\"GB/DSIT\"")
                .contains("RESULT        VERIFIED");
    }

    @Test
    void aBundleWhoseEventWasChangedFails() throws IOException {
        LogLeaf leaf = confirmation.leaf();
        LogLeaf changed = new LogLeaf(
                leaf.logIndex(),
                leaf.commitmentId(),
                leaf.sequence(),
                leaf.eventId(),
                leaf.type(),
                leaf.revision(),
                leaf.occurredOn(),
                leaf.recordedAt(),
                "JP/METI",
                new String(leaf.payload(), StandardCharsets.UTF_8)
                        .replace("GB/DSIT", "JP/METI")
                        .getBytes(StandardCharsets.UTF_8),
                leaf.previousLeafHash());
        String tampered = proof.replace(base64(leaf.encode()), base64(changed.encode()));

        Verifier.Run run = verify(tampered);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .containsExactly("FAIL proof " + directory.resolve("proof.txt") + ": leaf 2 is not included in the"
                        + " tree of 5 leaves: its proof leads to another root");
        assertThat(run.report()).doesNotContain("the event it proves");
    }

    @Test
    void aBundleWithAChangedProofLineFails() throws IOException {
        String[] lines = proof.split("\n", -1);
        lines[4] = base64(confirmation.leafHash());

        Verifier.Run run = verify(String.join("\n", lines));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures()).singleElement().asString().endsWith("its proof leads to another root");
    }

    @Test
    void aBundleWhoseCheckpointAnotherKeySignedFails() throws IOException {
        NoteSigner impostor = NoteSigner.parse(NoteSigner.generate("commitments-ledger"));
        String checkpoint = proof.substring(proof.indexOf("\n\n") + 2);
        String text = checkpoint.substring(0, checkpoint.indexOf("\n\n") + 1);

        Verifier.Run run = verify(proof.replace(checkpoint, impostor.sign(text)));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .containsExactly("FAIL proof " + directory.resolve("proof.txt") + ": no trusted key signed the note");
    }

    private Verifier.Run verify(String bundle) throws IOException {
        Path file = directory.resolve("proof.txt");
        Files.writeString(file, bundle);
        return Verifier.run("verify-proof", "--proof", file.toString(), "--key", ledger.verifierKey());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
