/** Value types of the ledger's public language: identifiers, parties, targets and dates, each valid by construction. */
@NullMarked
package io.commitmentsledger.contracts;

import org.jspecify.annotations.NullMarked;
