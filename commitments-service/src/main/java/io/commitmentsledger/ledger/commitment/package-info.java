/** The bilateral commitment: its commands, the aggregate that checks them against its history, and its rules. */
@NullMarked
package io.commitmentsledger.ledger.commitment;

import org.jspecify.annotations.NullMarked;
