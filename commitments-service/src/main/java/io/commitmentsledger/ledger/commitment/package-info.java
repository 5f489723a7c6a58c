/** The bilateral commitment: its commands, the aggregate that checks them against its history, and its rules. */
package io.commitmentsledger.ledger.commitment;
