/** The facts the ledger records about a commitment: immutable, past-tense and revisioned, as subscribers receive them. */
package io.commitmentsledger.contracts.events;
