package io.commitmentsledger.contracts.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random trees checked against RFC 9162 section 2.1 written out naively in this test: roots from
 * {@link MerkleTree}, {@link CompactRange} and a map of the subtrees CompactRange reported, and every proof, which must
 * verify and must stop verifying when anything in it changes. Each tree's seed is in its test's name; run again with
 * {@code -Dmerkle.seed=<seed>} to repeat a failure.
 */
class MerkleTreePropertyTest {

    private static final long SEED = Long.getLong("merkle.seed", new SecureRandom().nextLong());
    private static final int SAMPLED_PROOFS = 24;

    @TestFactory
    Stream<DynamicTest> randomTrees() {
        System.out.println("MerkleTreePropertyTest: -Dmerkle.seed=" + SEED);
        Random sizes = new Random(SEED);
        TreeSet<Integer> treeSizes = new TreeSet<>();
        IntStream.rangeClosed(1, 64).forEach(treeSizes::add);
        treeSizes.addAll(List.of(127, 128, 129, 1023, 1024, 1025, 3000));
        while (treeSizes.size() < 64 + 7 + 12) {
            treeSizes.add(65 + sizes.nextInt(3000 - 65));
        }
        return treeSizes.stream().map(size -> {
            long seed = SEED + size;
            String name = "tree of " + size + " leaves, -Dmerkle.seed=" + SEED;
            return DynamicTest.dynamicTest(name, () -> {
                try {
                    checkTree(size, new Random(seed));
                } catch (AssertionError e) {
                    throw new AssertionError(name + ": " + e.getMessage(), e);
                }
            });
        });
    }

    private static void checkTree(int size, Random random) throws VerificationFailure {
        List<byte[]> leaves = new ArrayList<>();
        Map<Long, byte[]> subtrees = new HashMap<>();
        SubtreeSource source = (level, index) -> {
            byte[] hash = subtrees.get(key(level, index));
            if (hash == null) {
                throw new AssertionError("asked for a subtree never completed: level " + level + " index " + index);
            }
            return hash;
        };
        CompactRange range = new CompactRange();
        for (int i = 0; i < size; i++) {
            // Distinct leaves: two equal neighbours would make a proof for one also prove the other.
            byte[] data = new byte[4 + random.nextInt(40)];
            random.nextBytes(data);
            ByteBuffer.wrap(data).putInt(i);
            byte[] leafHash = MerkleHashes.leafHash(data);
            leaves.add(leafHash);
            range.append(
                    leafHash,
                    (level, index, hash) -> assertThat(subtrees.put(key(level, index), hash))
                            .as("subtree at level %d index %d reported once", level, index)
                            .isNull());
        }

        byte[] root = naiveRoot(leaves);
        assertThat(range.size()).isEqualTo(size);
        assertThat(range.root()).isEqualTo(root);
        assertThat(MerkleTree.root(size, source)).isEqualTo(root);
        assertThat(CompactRange.of(size, source).root()).isEqualTo(root);
        for (long prefix : sample(random, 1, size)) {
            byte[] prefixRoot = naiveRoot(leaves.subList(0, (int) prefix));
            assertThat(MerkleTree.root(prefix, source))
                    .as("root of the first %d", prefix)
                    .isEqualTo(prefixRoot);
            assertThat(CompactRange.of(prefix, source).root())
                    .as("range of the first %d", prefix)
                    .isEqualTo(prefixRoot);
        }

        for (long index : sample(random, 0, size - 1)) {
            checkInclusion(index, size, leaves, source, root, random);
        }
        for (long size1 : sample(random, 1, size)) {
            long size2 = size1 + (long) (random.nextDouble() * (size - size1 + 1));
            checkConsistency(size1, Math.min(size2, size), leaves, source, random);
            checkConsistency(size1, size, leaves, source, random);
        }
    }

    private static void checkInclusion(
            long index, long size, List<byte[]> leaves, SubtreeSource source, byte[] root, Random random)
            throws VerificationFailure {
        List<byte[]> proof = MerkleTree.inclusionProof(index, size, source);
        byte[] leaf = leaves.get((int) index);
        String what = "inclusion of " + index + " in " + size;
        assertThat(proof).as(what).containsExactlyElementsOf(naivePath((int) index, leaves.subList(0, (int) size)));
        MerkleTree.verifyInclusion(index, size, leaf, proof, root);

        for (List<byte[]> tampered : tamperings(proof, random, size <= 8)) {
            fails(what + " with a changed proof", () -> MerkleTree.verifyInclusion(index, size, leaf, tampered, root));
        }
        fails(
                what + " with a changed leaf",
                () -> MerkleTree.verifyInclusion(index, size, flip(leaf, random), proof, root));
        fails(
                what + " with a changed root",
                () -> MerkleTree.verifyInclusion(index, size, leaf, proof, flip(root, random)));
        // A proof fixes the leaf's path, not the tree size: another index or size verifies exactly when its path has
        // the same shape (the checkpoint binds size and root together).
        for (long otherIndex : List.of(index - 1, index + 1, index ^ 1, index ^ 2, (long) random.nextInt((int) size))) {
            if (otherIndex != index) {
                agreesWithShape(
                        what + " claimed for index " + otherIndex,
                        otherIndex >= 0
                                && otherIndex < size
                                && pathShape(otherIndex, size).equals(pathShape(index, size)),
                        () -> MerkleTree.verifyInclusion(otherIndex, size, leaf, proof, root));
            }
        }
        for (long otherSize : List.of(size - 1, size + 1, size * 2, size / 2, size + 1 + random.nextInt(64))) {
            if (otherSize != size) {
                agreesWithShape(
                        what + " claimed for size " + otherSize,
                        index < otherSize && pathShape(index, otherSize).equals(pathShape(index, size)),
                        () -> MerkleTree.verifyInclusion(index, otherSize, leaf, proof, root));
            }
        }
    }

    private static void checkConsistency(
            long size1, long size2, List<byte[]> leaves, SubtreeSource source, Random random)
            throws VerificationFailure {
        List<byte[]> proof = MerkleTree.consistencyProof(size1, size2, source);
        byte[] root1 = naiveRoot(leaves.subList(0, (int) size1));
        byte[] root2 = naiveRoot(leaves.subList(0, (int) size2));
        String what = "consistency from " + size1 + " to " + size2;
        assertThat(proof).as(what).containsExactlyElementsOf(naiveProof((int) size1, leaves.subList(0, (int) size2)));
        MerkleTree.verifyConsistency(size1, size2, root1, root2, proof);

        for (List<byte[]> tampered : tamperings(proof, random, size2 <= 8)) {
            fails(
                    what + " with a changed proof",
                    () -> MerkleTree.verifyConsistency(size1, size2, root1, root2, tampered));
        }
        fails(
                what + " with a changed first root",
                () -> MerkleTree.verifyConsistency(size1, size2, flip(root1, random), root2, proof));
        if (size1 != size2 || random.nextBoolean()) {
            fails(
                    what + " with a changed second root",
                    () -> MerkleTree.verifyConsistency(size1, size2, root1, flip(root2, random), proof));
        }
        for (long other : List.of(size1 - 1, size1 + 1, size1 * 2, size1 / 2)) {
            if (other != size1) {
                agreesWithShape(
                        what + " claimed from " + other,
                        other > 0 && other <= size2 && proofShape(other, size2).equals(proofShape(size1, size2)),
                        () -> MerkleTree.verifyConsistency(other, size2, root1, root2, proof));
            }
        }
        for (long other : List.of(size2 - 1, size2 + 1, size2 * 2, size2 + 1 + random.nextInt(64))) {
            if (other != size2) {
                agreesWithShape(
                        what + " claimed to " + other,
                        size1 <= other && proofShape(size1, other).equals(proofShape(size1, size2)),
                        () -> MerkleTree.verifyConsistency(size1, other, root1, root2, proof));
            }
        }
    }

    /** Every single change to a proof: a flipped bit in each hash (every bit if {@code allBits}), a dropped or added hash. */
    private static List<List<byte[]>> tamperings(List<byte[]> proof, Random random, boolean allBits) {
        List<List<byte[]>> tampered = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            List<Integer> bits = allBits
                    ? IntStream.range(0, 256).boxed().toList()
                    : List.of(random.nextInt(256), random.nextInt(256));
            for (int bit : bits) {
                List<byte[]> changed = new ArrayList<>(proof);
                changed.set(i, flip(proof.get(i), bit));
                tampered.add(changed);
            }
            List<byte[]> dropped = new ArrayList<>(proof);
            dropped.remove(i);
            tampered.add(dropped);
        }
        for (int at : List.of(0, proof.size(), random.nextInt(proof.size() + 1))) {
            byte[] extra = new byte[MerkleHashes.SIZE];
            random.nextBytes(extra);
            List<byte[]> added = new ArrayList<>(proof);
            added.add(at, extra);
            tampered.add(added);
            if (!proof.isEmpty()) {
                List<byte[]> repeated = new ArrayList<>(proof);
                repeated.add(at, proof.get(Math.min(at, proof.size() - 1)));
                tampered.add(repeated);
            }
        }
        return tampered;
    }

    private static void fails(String what, ThrowingCallable verification) {
        assertThatExceptionOfType(VerificationFailure.class).as(what).isThrownBy(verification);
    }

    private static void agreesWithShape(String what, boolean sameShape, ThrowingCallable verification) {
        if (sameShape) {
            assertThatCode(verification).as(what).doesNotThrowAnyException();
        } else {
            fails(what, verification);
        }
    }

    /** A few values from {@code from} to {@code to}, both included; all of them when there are few. */
    private static TreeSet<Long> sample(Random random, long from, long to) {
        TreeSet<Long> values = new TreeSet<>();
        if (to - from < SAMPLED_PROOFS) {
            for (long value = from; value <= to; value++) {
                values.add(value);
            }
            return values;
        }
        values.addAll(List.of(from, to));
        while (values.size() < SAMPLED_PROOFS) {
            values.add(from + (long) (random.nextDouble() * (to - from + 1)));
        }
        return values;
    }

    private static byte[] flip(byte[] hash, Random random) {
        return flip(hash, random.nextInt(hash.length * 8));
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] flipped = hash.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        return flipped;
    }

    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }

    // RFC 9162 section 2.1, word for word, on a list of leaf hashes.

    private static int k(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** MTH(D[n]). */
    private static byte[] naiveRoot(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return MerkleHashes.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(0);
        }
        return MerkleHashes.nodeHash(naiveRoot(leaves.subList(0, k(n))), naiveRoot(leaves.subList(k(n), n)));
    }

    /** PATH(m, D[n]). */
    private static List<byte[]> naivePath(int m, List<byte[]> leaves) {
        int n = leaves.size();
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        if (m < k(n)) {
            path.addAll(naivePath(m, leaves.subList(0, k(n))));
            path.add(naiveRoot(leaves.subList(k(n), n)));
        } else {
            path.addAll(naivePath(m - k(n), leaves.subList(k(n), n)));
            path.add(naiveRoot(leaves.subList(0, k(n))));
        }
        return path;
    }

    /** PROOF(m, D[n]). */
    private static List<byte[]> naiveProof(int m, List<byte[]> leaves) {
        return m == leaves.size() ? List.of() : naiveSubproof(m, leaves, true);
    }

    /** SUBPROOF(m, D[n], b). */
    private static List<byte[]> naiveSubproof(int m, List<byte[]> leaves, boolean b) {
        int n = leaves.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(naiveRoot(leaves));
            }
            return proof;
        }
        if (m <= k(n)) {
            proof.addAll(naiveSubproof(m, leaves.subList(0, k(n)), b));
            proof.add(naiveRoot(leaves.subList(k(n), n)));
        } else {
            proof.addAll(naiveSubproof(m - k(n), leaves.subList(k(n), n), false));
            proof.add(naiveRoot(leaves.subList(0, k(n))));
        }
        return proof;
    }

    /** The sides PATH(m, D[n]) takes from the leaf up: what a verifier combines, and in which order. */
    private static String pathShape(long m, long n) {
        if (n == 1) {
            return "";
        }
        long k = Long.highestOneBit(n - 1);
        return m < k ? pathShape(m, k) + "R" : pathShape(m - k, n - k) + "L";
    }

    /** The same for PROOF(m, D[n]), with where SUBPROOF stops and whether it stops on the old tree's root. */
    private static String proofShape(long m, long n) {
        return m == n ? "=" : subproofShape(m, n, true);
    }

    private static String subproofShape(long m, long n, boolean b) {
        if (m == n) {
            return b ? "old root" : "node";
        }
        long k = Long.highestOneBit(n - 1);
        return m <= k ? subproofShape(m, k, b) + "R" : subproofShape(m - k, n - k, false) + "L";
    }
}
