/** Value types of the ledger's public language: identifiers, parties, targets and dates, each valid by construction. */
package io.commitmentsledger.contracts;
