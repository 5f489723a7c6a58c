/**
 * Fault tests: the whole ledger, as real processes, under a steady load of commands while one of its processes is
 * killed. Each scenario checks that nothing acknowledged is lost or duplicated in the store, on the topic or in the
 * projection, and writes its figures to {@code target/fault-report.md}.
 */
@NullMarked
package io.commitmentsledger.faults;

import org.jspecify.annotations.NullMarked;
