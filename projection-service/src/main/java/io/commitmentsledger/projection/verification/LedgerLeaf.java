package io.commitmentsledger.projection.verification;

import io.commitmentsledger.contracts.log.MerkleHashes;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Where a verified event sits in the ledger's log: its index, its leaf hash (which the ledger signed) and the leaf hash
 * of its commitment's previous event, which the signed leaf covers.
 */
public record LedgerLeaf(long logIndex, byte[] hash, byte[] previousHash) {

    public LedgerLeaf {
        if (hash.length != MerkleHashes.SIZE || previousHash.length != MerkleHashes.SIZE) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes");
        }
        hash = hash.clone();
        previousHash = previousHash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public byte[] previousHash() {
        return previousHash.clone();
    }

    /** Whether this leaf chains onto the event whose leaf hash is {@code previous}. */
    public boolean follows(byte[] previous) {
        return Arrays.equals(previousHash, previous);
    }

    public boolean hasHash(byte[] other) {
        return Arrays.equals(hash, other);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LedgerLeaf that
                && logIndex == that.logIndex
                && Arrays.equals(hash, that.hash)
                && Arrays.equals(previousHash, that.previousHash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(logIndex) * 31 + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "LedgerLeaf[" + logIndex + ": " + HexFormat.of().formatHex(hash) + "]";
    }
}
