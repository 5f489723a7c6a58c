package io.commitmentsledger.projection.store;

import org.jspecify.annotations.Nullable;

/**
 * How much of a commitment's applied timeline was verified against the ledger's signature: {@code verified} of its
 * {@code events}, whose log indexes run from {@code firstLogIndex} to {@code lastLogIndex} (null when none was).
 * Entries applied before this service verified records have no log index.
 */
public record LogCoverage(
        long events,
        long verified,
        @Nullable Long firstLogIndex,
        @Nullable Long lastLogIndex) {

    public boolean everyEventVerified() {
        return events > 0 && verified == events;
    }
}
