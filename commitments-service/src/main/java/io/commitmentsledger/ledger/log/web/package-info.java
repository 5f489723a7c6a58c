/**
 * The verifiable log's REST resources for auditors: signed checkpoints and the verifier keys that open them, inclusion
 * and consistency proofs, self-contained tlog-proofs, a commitment's verification and the whole ledger's export.
 */
@NullMarked
package io.commitmentsledger.ledger.log.web;

import org.jspecify.annotations.NullMarked;
