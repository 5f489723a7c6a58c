/**
 * The ledger's verifiable log, framework-free so that any auditor can check it with this jar and the JDK alone: the
 * byte-exact leaf of each event ({@link LogLeaf}), RFC 9162 Merkle tree hashing and proofs ({@link MerkleTree}),
 * C2SP signed notes with Ed25519 keys ({@link NoteSigner}, {@link NoteVerifier}), checkpoints ({@link Checkpoint}) and
 * self-contained inclusion proofs ({@link TlogProof}).
 */
@NullMarked
package io.commitmentsledger.contracts.log;

import org.jspecify.annotations.NullMarked;
