/** Loads the repository's seed commitments into a running commitments-service through its public API. */
@NullMarked
package io.commitmentsledger.seeds;

import org.jspecify.annotations.NullMarked;
