/**
 * The offline verifier an auditor runs ({@link io.commitmentsledger.verifier.VerifyLedger}): it checks an export of
 * the ledger, the Kafka topic, or one proof bundle against the ledger's signed checkpoint, with api-contracts and the
 * JDK alone ({@link io.commitmentsledger.verifier.TopicReader} alone speaks Kafka).
 */
@NullMarked
package io.commitmentsledger.verifier;

import org.jspecify.annotations.NullMarked;
