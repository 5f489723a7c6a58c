package io.commitmentsledger.contracts.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checkpoints, leaf signatures and tlog-proofs: what a subscriber or auditor checks with the verifier key alone. */
class CheckpointAndProofTest {

    private static final String ORIGIN = "ledger.example/log";
    private static final NoteSigner LEDGER = NoteSigner.parse(NoteSigner.generate(ORIGIN));
    private static final NoteSigner OTHER = NoteSigner.parse(NoteSigner.generate(ORIGIN));
    private static final List<NoteVerifier> TRUSTED = List.of(LEDGER.verifier());
    private static final String ROOT = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void opensASignedCheckpoint() throws VerificationFailure {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 7, MerkleHashes.leafHash(new byte[] {1}));
        String signed = LEDGER.sign(checkpoint.text());

        assertThat(Checkpoint.open(signed, ORIGIN, TRUSTED)).isEqualTo(checkpoint);
        assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
        failsToOpen(signed, "another.example/log", TRUSTED);
        failsToOpen(signed, ORIGIN, List.of(OTHER.verifier()));
        failsToOpen(signed.replace("\n7\n", "\n8\n"), ORIGIN, TRUSTED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ledger.example/log\n7\n" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" + "\nextension line\n",
                "ledger.example/log\n7\n" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "ledger.example/log\n7\n",
                "\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                "ledger.example/log\n07\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                "ledger.example/log\n-7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                "ledger.example/log\n 7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                "ledger.example/log\n9223372036854775808\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                "ledger.example/log\n7\nAAAA!AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                "ledger.example/log\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n",
                "ledger.example/log\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
            })
    void refusesMalformedCheckpoints(String text) {
        assertThatExceptionOfType(VerificationFailure.class).as(text).isThrownBy(() -> Checkpoint.parse(text));
    }

    @Test
    void readsTheLargestTreeSize() throws VerificationFailure {
        assertThat(Checkpoint.parse(ORIGIN + "\n9223372036854775807\n" + ROOT + "\n")
                        .size())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void verifiesLeafSignatures() throws VerificationFailure {
        byte[] leafHash = MerkleHashes.leafHash("leaf".getBytes(StandardCharsets.UTF_8));
        String signature = LeafSignature.sign(LEDGER, leafHash);

        LeafSignature.verify(leafHash, signature, TRUSTED);
        LeafSignature.verify(leafHash, signature, List.of(OTHER.verifier(), LEDGER.verifier()));
        leafSignatureFails(leafHash, signature, List.of(OTHER.verifier()));
        leafSignatureFails(leafHash, LeafSignature.sign(OTHER, leafHash), TRUSTED);
        byte[] tampered = leafHash.clone();
        tampered[31] ^= 1;
        leafSignatureFails(tampered, signature, TRUSTED);
        for (String malformed : List.of("", "not base64!", signature.substring(4), signature + "AAAA", "AAAA")) {
            leafSignatureFails(leafHash, malformed, TRUSTED);
        }
        // A leaf signature is not a note signature of the same bytes, and the other way round.
        String note = LEDGER.sign(Base64.getEncoder().encodeToString(leafHash) + "\n");
        String noteSignature = note.substring(note.lastIndexOf(' ') + 1).strip();
        leafSignatureFails(leafHash, noteSignature, TRUSTED);
    }

    @Test
    void aTlogProofRoundTripsAndVerifies() throws VerificationFailure {
        Log log = new Log(13);
        TlogProof proof = log.proof(9, LEDGER);

        TlogProof parsed = TlogProof.parse(proof.format());

        assertThat(parsed.format()).isEqualTo(proof.format());
        assertThat(parsed.leaf()).isEqualTo(log.leaves.get(9));
        assertThat(parsed.verify(ORIGIN, TRUSTED)).isEqualTo(log.checkpoint());
        assertThat(proof.format()).startsWith(TlogProof.HEADER + "\nextra ").contains("\nindex 9\n");
    }

    @Test
    void refusesTamperedTlogProofs() throws VerificationFailure {
        Log log = new Log(13);
        String proof = log.proof(9, LEDGER).format();
        String extra = Base64.getEncoder().encodeToString(log.leaves.get(9).encode());
        String otherExtra = Base64.getEncoder().encodeToString(log.leaves.get(8).encode());
        List<String> lines = List.of(proof.split("\n", -1));
        String firstHash = lines.get(3);
        byte[] flipped = Base64.getDecoder().decode(firstHash);
        flipped[0] ^= 1;

        // Another leaf in the extra line (its own index too, so only the proof can catch it).
        verifyFails(proof.replace(extra, otherExtra).replace("index 9", "index 8"));
        verifyFails(proof.replace(firstHash, Base64.getEncoder().encodeToString(flipped)));
        verifyFails(proof.replace(firstHash + "\n", ""));
        // A checkpoint of another tree, signed by the ledger.
        Log other = new Log(14);
        verifyFails(proof.substring(0, proof.indexOf("\n\n") + 2)
                + LEDGER.sign(other.checkpoint().text()));
        // The right checkpoint, signed by another key.
        verifyFails(proof.substring(0, proof.indexOf("\n\n") + 2)
                + OTHER.sign(log.checkpoint().text()));

        for (String malformed : List.of(
                proof.replace("index 9", "index 8"),
                proof.replace("index 9", "index 09"),
                proof.replace("index 9", "index  9"),
                proof.replace("index 9", "index 99999999999999999999"),
                proof.replace("\nindex 9", ""),
                proof.replace(extra, extra.substring(8)),
                proof.replace(extra, "!" + extra),
                proof.replace("extra ", "extra:"),
                proof.replace(TlogProof.HEADER, "c2sp.org/tlog-proof@v2"),
                proof.replace(firstHash, "not base64!"),
                proof.substring(0, proof.indexOf("\n\n")))) {
            assertThatExceptionOfType(VerificationFailure.class)
                    .as(malformed)
                    .isThrownBy(() -> TlogProof.parse(malformed).verify(ORIGIN, TRUSTED));
        }
    }

    private static void verifyFails(String proof) {
        assertThatExceptionOfType(VerificationFailure.class)
                .as(proof)
                .isThrownBy(() -> TlogProof.parse(proof).verify(ORIGIN, TRUSTED));
    }

    private static void failsToOpen(String note, String origin, List<NoteVerifier> verifiers) {
        assertThatExceptionOfType(VerificationFailure.class).isThrownBy(() -> Checkpoint.open(note, origin, verifiers));
    }

    private static void leafSignatureFails(byte[] leafHash, String signature, List<NoteVerifier> verifiers) {
        assertThatExceptionOfType(VerificationFailure.class)
                .as(signature)
                .isThrownBy(() -> LeafSignature.verify(leafHash, signature, verifiers));
    }

    /** A small log of chained leaves, its subtrees kept in a map as the ledger keeps them in its tables. */
    private static final class Log {
        final List<LogLeaf> leaves = new ArrayList<>();
        final Map<String, byte[]> subtrees = new HashMap<>();
        final CompactRange range = new CompactRange();

        Log(int size) {
            byte[] previous = LogLeaf.NO_PREVIOUS_LEAF;
            for (int i = 0; i < size; i++) {
                byte[] payload = ("{\"actor\":\"JP/METI\",\"occurredOn\":\"2024-02-0" + (i % 9 + 1) + "\",\"n\":" + i
                                + "}")
                        .getBytes(StandardCharsets.UTF_8);
                LogLeaf leaf = LogLeaf.of(
                        i, "c-1", i, "e-" + i, "ProgressReported", "1", "2024-02-01T10:00:00Z", payload, previous);
                leaves.add(leaf);
                previous = leaf.hash();
                range.append(leaf.hash(), (level, index, hash) -> subtrees.put(level + "/" + index, hash));
            }
        }

        Checkpoint checkpoint() {
            return new Checkpoint(ORIGIN, range.size(), range.root());
        }

        TlogProof proof(int index, NoteSigner signer) {
            List<byte[]> hashes =
                    MerkleTree.inclusionProof(index, range.size(), (level, i) -> subtrees.get(level + "/" + i));
            return new TlogProof(
                    leaves.get(index), hashes, signer.sign(checkpoint().text()));
        }
    }
}
