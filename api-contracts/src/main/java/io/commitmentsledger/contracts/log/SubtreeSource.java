package io.commitmentsledger.contracts.log;

/**
 * The hashes of a tree's complete subtrees: the subtree at {@code level} and {@code index} holds the {@code 2^level}
 * leaves from {@code index * 2^level}. Level 0 holds the leaf hashes. Every other hash of the tree, and every proof,
 * is computed from these ({@link MerkleTree}).
 */
@FunctionalInterface
public interface SubtreeSource {

    byte[] subtree(int level, long index);
}
