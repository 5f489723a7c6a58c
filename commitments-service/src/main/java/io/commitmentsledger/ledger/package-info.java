/** commitments-service: checks commands against each commitment's history and records immutable events. */
package io.commitmentsledger.ledger;
