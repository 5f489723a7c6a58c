/**
 * The verifiable log: every recorded event's place in one append-only, gap-free sequence, each event's leaf hash
 * chained per commitment and signed, the RFC 9162 Merkle tree over all leaves, and the Ed25519-signed checkpoints of
 * that tree. The formats are api-contracts' ({@code io.commitmentsledger.contracts.log}); this package stores and signs.
 */
@NullMarked
package io.commitmentsledger.ledger.log;

import org.jspecify.annotations.NullMarked;
