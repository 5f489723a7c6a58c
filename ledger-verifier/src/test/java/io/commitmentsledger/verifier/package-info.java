/** The verifier's tests: a test ledger that writes what the real one would, and the verifier run on it in-process. */
@NullMarked
package io.commitmentsledger.verifier;

import org.jspecify.annotations.NullMarked;
