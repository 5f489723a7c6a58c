/** The facts the ledger records about a commitment: immutable, past-tense and revisioned, as subscribers receive them. */
@NullMarked
package io.commitmentsledger.contracts.events;

import org.jspecify.annotations.NullMarked;
