package io.commitmentsledger.ledger.commitment.application;

import io.commitmentsledger.ledger.commitment.Commitment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.RepositoryProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Loads a commitment from the state this instance last committed for it, brought up to date from the store, instead
 * of replaying its whole history on every command: a command then costs the same on a commitment with 10 events as on
 * one with 1,000 (before, a command replayed every event; 73 ms against 17 ms p50, see docs/performance.md).
 *
 * <p>Why it stays correct with several instances of the service and with failures:
 *
 * <ul>
 *   <li><b>Every load is checked against the store.</b> A remembered commitment is brought up to date by reading the
 *       events after its remembered sequence (one indexed query on the unique (aggregate, sequence) key, usually
 *       answering nothing) and applying them, upcast like any other. Loads run under the commitment's advisory lock
 *       ({@link CommandSubmission}), so no other instance can add an event between that read and this command's
 *       insert: what another instance (or anything else) wrote is never missed. The unique key stays the last line
 *       of defence, as before.
 *   <li><b>Only committed state is remembered.</b> A load takes the commitment out of memory; it goes back (with the
 *       events the command applied) only after the command's transaction has committed. A command that fails or rolls
 *       back, at any point up to and including the commit, leaves nothing behind, and the next command replays the
 *       whole history. Nothing shared is ever changed by two commands at once: a commitment in use is in no map.
 *   <li><b>Remembered state is never ahead of the store</b>, only behind (a put from an earlier commit that lost the
 *       race to a later one), and behind is exactly what the check on load repairs.
 * </ul>
 *
 * <p>Snapshots in {@code snapshot_event_entry} were the other option: they survive restarts and are shared between
 * instances, but every load would still read the snapshot and the events after it (two queries), deserialise the
 * snapshot, and every N events a snapshot would replay the whole history again; here a load is one query that
 * usually finds nothing, and a miss (after a restart, or for a commitment not used for a while) costs what every
 * command cost before.
 */
final class CachingCommitmentRepository extends EventSourcingRepository<Commitment> {

    /** A commitment's state as of a committed sequence number. */
    private record Remembered(Commitment commitment, long version) {}

    private final EventStore eventStore;
    private final RepositoryProvider repositoryProvider;
    private final Map<String, Remembered> remembered;

    private CachingCommitmentRepository(Builder builder, int capacity) {
        super(builder);
        this.eventStore = builder.eventStore();
        this.repositoryProvider = builder.repositoryProvider();
        // Least recently used first: the oldest entry goes when the map is full.
        this.remembered = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A repository that remembers up to {@code capacity} commitments, the least recently used going first. */
    static Builder builder() {
        return new Builder();
    }

    @Override
    protected EventSourcedAggregate<Commitment> doLoadWithLock(String commitmentId, @Nullable Long expectedVersion) {
        Remembered known = take(commitmentId);
        if (known == null) {
            EventSourcedAggregate<Commitment> replayed = super.doLoadWithLock(commitmentId, expectedVersion);
            rememberAfterCommit(replayed);
            return replayed;
        }
        EventSourcedAggregate<Commitment> aggregate = EventSourcedAggregate.reconstruct(
                known.commitment(),
                aggregateModel(),
                known.version(),
                false,
                eventStore,
                repositoryProvider,
                NoSnapshotTriggerDefinition.TRIGGER);
        // Whatever was recorded since this instance last committed the commitment (by another instance, say).
        DomainEventStream newer = eventStore.readEvents(commitmentId, known.version() + 1);
        if (newer.hasNext()) {
            aggregate.initializeState(newer);
        }
        rememberAfterCommit(aggregate);
        return aggregate;
    }

    @Override
    protected EventSourcedAggregate<Commitment> doCreateNewForLock(Callable<Commitment> factoryMethod)
            throws Exception {
        EventSourcedAggregate<Commitment> created = super.doCreateNewForLock(factoryMethod);
        rememberAfterCommit(created);
        return created;
    }

    private @Nullable Remembered take(String commitmentId) {
        synchronized (remembered) {
            return remembered.remove(commitmentId);
        }
    }

    /**
     * Puts the commitment back once, and only if, the transaction the command runs in has committed. Without a
     * transaction to follow (none is active) nothing is remembered.
     */
    private void rememberAfterCommit(EventSourcedAggregate<Commitment> aggregate) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                String commitmentId = aggregate.identifierAsString();
                Long version = aggregate.version();
                if (commitmentId != null && version != null) {
                    synchronized (remembered) {
                        remembered.put(commitmentId, new Remembered(aggregate.getAggregateRoot(), version));
                    }
                }
            }
        });
    }

    /** How many commitments are remembered now (for tests). */
    int rememberedCount() {
        synchronized (remembered) {
            return remembered.size();
        }
    }

    /** Whether a commitment is remembered, and at which version (for tests); null if not. */
    @Nullable
    Long rememberedVersion(String commitmentId) {
        synchronized (remembered) {
            Remembered known = remembered.get(commitmentId);
            return known == null ? null : known.version();
        }
    }

    static final class Builder extends EventSourcingRepository.Builder<Commitment> {

        private int capacity = 10_000;

        private Builder() {
            super(Commitment.class);
        }

        Builder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        private EventStore eventStore() {
            return eventStore;
        }

        private RepositoryProvider repositoryProvider() {
            return repositoryProvider;
        }

        CachingCommitmentRepository buildCaching() {
            validate();
            return new CachingCommitmentRepository(this, capacity);
        }
    }
}
