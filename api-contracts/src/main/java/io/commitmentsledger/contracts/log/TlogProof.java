package io.commitmentsledger.contracts.log;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * A C2SP tlog-proof: a self-contained, offline-checkable proof that one event is in the ledger. Its {@code extra} line
 * is the event's encoded {@link LogLeaf}, so the proof carries the event itself; a verifier hashes it, so nothing in
 * it is trusted until the inclusion proof leads from that hash to the root of the signed checkpoint.
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64 encoded leaf&gt;
 * index &lt;log index&gt;
 * &lt;base64 proof hash, from the leaf's sibling up&gt;...
 *
 * &lt;signed checkpoint&gt;
 * </pre>
 */
public record TlogProof(LogLeaf leaf, List<byte[]> inclusionProof, String signedCheckpoint) {

    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        inclusionProof = List.copyOf(inclusionProof);
    }

    public String format() {
        StringBuilder proof = new StringBuilder(HEADER).append('\n');
        proof.append("extra ")
                .append(Base64.getEncoder().encodeToString(leaf.encode()))
                .append('\n');
        proof.append("index ").append(leaf.logIndex()).append('\n');
        for (byte[] hash : inclusionProof) {
            proof.append(Base64.getEncoder().encodeToString(hash)).append('\n');
        }
        return proof.append('\n').append(signedCheckpoint).toString();
    }

    public static TlogProof parse(String text) throws VerificationFailure {
        if (text.length() > SignedNote.MAX_LENGTH * 2) {
            throw new VerificationFailure("the proof is too long");
        }
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new VerificationFailure("the proof has no blank line before its checkpoint");
        }
        String[] lines = text.substring(0, blank).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new VerificationFailure("the proof does not start with " + HEADER);
        }
        if (lines.length < 3 || !lines[1].startsWith("extra ")) {
            throw new VerificationFailure("the proof has no extra line holding the event's leaf");
        }
        LogLeaf leaf;
        try {
            leaf = LogLeaf.decode(Base64.getDecoder().decode(lines[1].substring("extra ".length())));
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure("the proof's extra line is not an encoded leaf: " + e.getMessage());
        }
        if (!lines[2].matches("index (0|[1-9][0-9]{0,18})")) {
            throw new VerificationFailure("the proof's index line is not 'index <decimal>'");
        }
        long index;
        try {
            index = Long.parseLong(lines[2].substring("index ".length()));
        } catch (NumberFormatException e) {
            throw new VerificationFailure("the proof's index is too large: " + lines[2]);
        }
        if (index != leaf.logIndex()) {
            throw new VerificationFailure("the proof is for index " + index + " but its leaf says " + leaf.logIndex());
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            try {
                hashes.add(Base64.getDecoder().decode(lines[i]));
            } catch (IllegalArgumentException e) {
                throw new VerificationFailure("proof line " + (i + 1) + " is not a base64 hash");
            }
        }
        return new TlogProof(leaf, hashes, text.substring(blank + 2));
    }

    /** Verifies the signed checkpoint and the leaf's inclusion in it; returns the checkpoint. */
    public Checkpoint verify(String origin, Collection<NoteVerifier> verifiers) throws VerificationFailure {
        Checkpoint checkpoint = Checkpoint.open(signedCheckpoint, origin, verifiers);
        MerkleTree.verifyInclusion(
                leaf.logIndex(), checkpoint.size(), leaf.hash(), inclusionProof, checkpoint.rootHash());
        return checkpoint;
    }
}
