/**
 * Checking that each record on the event topic is an event the ledger recorded, before it is applied: the ledger's
 * signature of its leaf hash, the leaf rebuilt from the record, and the chain of each commitment's events. A record
 * that fails is refused ({@link io.commitmentsledger.projection.verification.RejectedRecord}) and counted ({@link
 * io.commitmentsledger.projection.verification.Rejections}); anyone who can write to the topic can publish, but only the
 * ledger can sign.
 */
@NullMarked
package io.commitmentsledger.projection.verification;

import org.jspecify.annotations.NullMarked;
