package io.commitmentsledger.ledger.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long readers wait for events that commit out of global-index order, and how long a command's transaction may
 * run, which must stay well below that wait.
 *
 * <p>PostgreSQL hands out global indexes at insert time but makes rows visible at commit, so a reader can see index
 * 12 before 11. Axon's tracking token remembers 11 as a gap for {@code gapTimeout} (and while fewer than {@code
 * maxGapOffset} events lie beyond it), then forgets it: an event committing later than that would never reach Kafka.
 * Command transactions are therefore kept short: every statement in them is bounded by {@code commandStatementTimeout}.
 *
 * @param gapTimeout how long a missing global index is still waited for
 * @param maxGapOffset how many events past a gap it is still waited for
 * @param commandStatementTimeout the longest a single statement of a command's transaction may run
 * @param fetchDelay how soon readers of the store (the Kafka publisher) look again after finding no new events. A
 *     command commits after Axon's unit of work, whose end already woke them, so this bounds how late they see it
 * @param cachedCommitments how many commitments each instance keeps in memory between commands, so that a command
 *     reads only the events recorded since (usually none) instead of the whole history; 0 replays every time
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreProperties(
        @DefaultValue("60s") Duration gapTimeout,
        @DefaultValue("100000") int maxGapOffset,
        @DefaultValue("5s") Duration commandStatementTimeout,
        @DefaultValue("25ms") Duration fetchDelay,
        @DefaultValue("10000") int cachedCommitments) {

    public EventStoreProperties {
        if (cachedCommitments < 0) {
            throw new IllegalArgumentException(
                    "ledger.event-store.cached-commitments must be 0 or more, not " + cachedCommitments);
        }
        if (commandStatementTimeout.multipliedBy(4).compareTo(gapTimeout) > 0) {
            throw new IllegalArgumentException("ledger.event-store.gap-timeout (" + gapTimeout
                    + ") must be at least four times ledger.event-store.command-statement-timeout ("
                    + commandStatementTimeout + "), or a slow command could commit after readers gave up on it");
        }
    }
}
