package io.commitmentsledger.contracts.log;

import java.util.Base64;
import java.util.Collection;

/**
 * A C2SP tlog-checkpoint: the note text {@code <origin>\n<tree size>\n<base64 root hash>\n} that the ledger signs.
 * Extension lines are not used by this ledger and are refused.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public Checkpoint {
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("an origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is never negative");
        }
        if (rootHash.length != MerkleHashes.SIZE) {
            throw new IllegalArgumentException("a root hash has 32 bytes");
        }
        rootHash = rootHash.clone();
    }

    /** The note text to sign. */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** Reads a checkpoint's note text (already verified). */
    public static Checkpoint parse(String text) throws VerificationFailure {
        String[] lines = text.split("\n", -1);
        if (lines.length != 4 || !lines[3].isEmpty()) {
            throw new VerificationFailure("a checkpoint is three lines: origin, tree size, root hash");
        }
        if (lines[0].isEmpty()) {
            throw new VerificationFailure("the checkpoint's origin line is empty");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new VerificationFailure("the checkpoint's tree size is not a decimal number: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure("the checkpoint's root hash is not base64");
        }
        if (root.length != MerkleHashes.SIZE) {
            throw new VerificationFailure("the checkpoint's root hash does not have 32 bytes");
        }
        try {
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
        } catch (NumberFormatException e) {
            throw new VerificationFailure("the checkpoint's tree size is too large: " + lines[1]);
        }
    }

    /** Verifies a signed checkpoint note: a trusted key signed it and it names the expected origin. */
    public static Checkpoint open(String signedNote, String origin, Collection<NoteVerifier> verifiers)
            throws VerificationFailure {
        Checkpoint checkpoint = parse(SignedNote.open(signedNote, verifiers));
        if (!checkpoint.origin().equals(origin)) {
            throw new VerificationFailure("the checkpoint is of the log " + checkpoint.origin() + ", not of " + origin);
        }
        return checkpoint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && origin.equals(that.origin)
                && size == that.size
                && java.util.Arrays.equals(rootHash, that.rootHash);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(origin, size, java.util.Arrays.hashCode(rootHash));
    }

    @Override
    public String toString() {
        return "Checkpoint[" + text().replace('\n', ' ').strip() + "]";
    }
}
