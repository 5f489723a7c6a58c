/**
 * The ledger's one benchmark ({@code ./run-benchmark}): the whole ledger as real processes, driven the way its users
 * drive it, each figure next to a raw baseline measured in the same run on the same servers with the same settings.
 */
@NullMarked
package io.commitmentsledger.benchmarks;

import org.jspecify.annotations.NullMarked;
