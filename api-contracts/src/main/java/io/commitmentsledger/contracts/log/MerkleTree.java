package io.commitmentsledger.contracts.log;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Merkle tree hashes and proofs exactly as RFC 9162 section 2.1 defines them: the root of a tree of any size, the
 * inclusion proof of a leaf, the consistency proof between two sizes, and the verification of both.
 *
 * <p>Proofs are produced from a {@link SubtreeSource}: every range the RFC's recursion asks for is aligned to its
 * largest power of two, so it is one complete subtree or a few of them.
 */
public final class MerkleTree {

    private MerkleTree() {}

    /** MTH(D[0:size]). */
    public static byte[] root(long size, SubtreeSource tree) {
        requireSize(size);
        return size == 0 ? MerkleHashes.emptyRoot() : hash(0, size, tree);
    }

    /** PATH(index, D[0:size]): the sibling hashes from the leaf up to the root's child. */
    public static List<byte[]> inclusionProof(long index, long size, SubtreeSource tree) {
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, tree, proof);
        return proof;
    }

    /**
     * PROOF(size1, D[0:size2]); empty when {@code size1} is 0 or equals {@code size2}. (A proof from size 0 does not
     * verify: see {@link #verifyConsistency}.)
     */
    public static List<byte[]> consistencyProof(long size1, long size2, SubtreeSource tree) {
        requireSize(size1);
        if (size1 > size2) {
            throw new IllegalArgumentException("a tree of " + size1 + " is not a prefix of a tree of " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, tree, proof);
        }
        return proof;
    }

    /** RFC 9162 section 2.1.3.2. */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws VerificationFailure {
        if (index < 0 || index >= size) {
            throw new VerificationFailure("leaf index " + index + " is outside a tree of " + size + " leaves");
        }
        // Without this, an empty leaf hash and an empty root "verify" in a tree of one leaf.
        requireHash(leafHash);
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            requireHash(p);
            if (sn == 0) {
                throw new VerificationFailure("the inclusion proof of leaf " + index + " is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = MerkleHashes.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new VerificationFailure("the inclusion proof of leaf " + index + " is too short");
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new VerificationFailure("leaf " + index + " is not included in the tree of " + size
                    + " leaves: its proof leads to " + "another root");
        }
    }

    /**
     * RFC 9162 section 2.1.4.2, for {@code 0 < size1 <= size2}. The RFC defines no proof from the empty tree, and
     * every tree extends it, so {@code size1 == 0} is refused rather than "verified" without looking at either root:
     * a verifier that trusts nothing yet has nothing to check a first checkpoint against.
     */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
            throws VerificationFailure {
        if (size1 < 0 || size1 > size2) {
            throw new VerificationFailure("a tree of " + size1 + " cannot be a prefix of a tree of " + size2);
        }
        if (size1 == 0) {
            throw new VerificationFailure("there is no consistency proof from the empty tree");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new VerificationFailure("two trees of the same size need an empty consistency proof");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new VerificationFailure("two trees of " + size1 + " leaves have different roots");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new VerificationFailure("the consistency proof from " + size1 + " to " + size2 + " is empty");
        }
        for (byte[] hash : proof) {
            requireHash(hash);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new VerificationFailure("the consistency proof from " + size1 + " to " + size2 + " is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.nodeHash(c, fr);
                sr = MerkleHashes.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = MerkleHashes.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new VerificationFailure("the consistency proof from " + size1 + " to " + size2 + " is too short");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new VerificationFailure(
                    "the consistency proof does not lead to the root of the tree of " + size1 + " leaves");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new VerificationFailure("the consistency proof does not lead to the root of the tree of " + size2
                    + " leaves: the " + "larger tree does not extend the smaller one");
        }
    }

    private static void path(long index, long start, long n, SubtreeSource tree, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(index, start, k, tree, proof);
            proof.add(hash(start + k, n - k, tree));
        } else {
            path(index - k, start + k, n - k, tree, proof);
            proof.add(hash(start, k, tree));
        }
    }

    private static void subproof(long m, long start, long n, boolean whole, SubtreeSource tree, List<byte[]> proof) {
        if (m == n) {
            if (!whole) {
                proof.add(hash(start, n, tree));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, k, whole, tree, proof);
            proof.add(hash(start + k, n - k, tree));
        } else {
            subproof(m - k, start + k, n - k, false, tree, proof);
            proof.add(hash(start, k, tree));
        }
    }

    /** MTH(D[start:start+n]) for n > 0, where start is a multiple of n's largest power of two. */
    private static byte[] hash(long start, long n, SubtreeSource tree) {
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return tree.subtree(level, start >>> level);
        }
        long k = largestPowerOfTwoBelow(n);
        return MerkleHashes.nodeHash(hash(start, k, tree), hash(start + k, n - k, tree));
    }

    /** The largest power of two smaller than n, for n > 1. */
    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void requireSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is never negative: " + size);
        }
    }

    private static void requireHash(byte[] hash) throws VerificationFailure {
        if (hash.length != MerkleHashes.SIZE) {
            throw new VerificationFailure("a proof hash has 32 bytes, not " + hash.length);
        }
    }
}
