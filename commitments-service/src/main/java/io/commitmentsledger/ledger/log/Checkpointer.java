package io.commitmentsledger.ledger.log;

import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.MerkleTree;
import io.commitmentsledger.contracts.log.SignedNote;
import io.commitmentsledger.contracts.log.VerificationFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs a checkpoint of the log whenever it has grown, every {@code ledger.log.checkpoint-interval}, one at a time (a
 * single thread, and across instances the advisory lock {@link LogLocks#CHECKPOINT}).
 *
 * <p>In one transaction: the new tree's root is computed from the stored subtrees and, if a checkpoint was signed
 * before, proven consistent with it (RFC 9162 consistency proof, verified as any auditor would); a tree that does not
 * extend the last checkpoint is never signed, so no two checkpoints contradict each other. The signed note is stored,
 * sent to the checkpoint topic and, only once Kafka has acknowledged it, committed: while Kafka is away nothing is
 * stored, and the next tick tries again.
 */
@Component
public class Checkpointer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    static final String CONTENT_TYPE = "content-type";
    static final String NOTE_CONTENT_TYPE = "text/plain; charset=utf-8";

    private final LogTree tree;
    private final Checkpoints checkpoints;
    private final LogKeys keys;
    private final LogProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "log-checkpointer");
        thread.setDaemon(true);
        return thread;
    });

    /** Why the stored tree cannot be signed, while it cannot. */
    private volatile @Nullable String inconsistency;

    /** Since when the log has been ahead of its newest checkpoint without a tick catching up; null when caught up. */
    private volatile @Nullable Instant behindSince;

    Checkpointer(
            LogTree tree,
            Checkpoints checkpoints,
            LogKeys keys,
            LogProperties properties,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            KafkaTemplate<String, byte[]> kafka) {
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
    }

    /** Starts once the application, and with it the checkpoint topic, is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long interval = properties.checkpointInterval().toMillis();
        ticks.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            Optional<Long> signed = checkpoint();
            behindSince = tree.size() > signed.orElse(0L) ? firstBehind() : null;
        } catch (RuntimeException e) {
            behindSince = firstBehind();
            log.warn(
                    "No checkpoint could be signed this time; retrying in {}: {}",
                    properties.checkpointInterval(),
                    e.toString());
        }
    }

    private Instant firstBehind() {
        Instant since = behindSince;
        return since != null ? since : Instant.now();
    }

    /**
     * Signs, stores and publishes a checkpoint of the whole log if it has grown past the newest one; returns the
     * newest checkpoint's tree size afterwards (empty while none exists).
     */
    Optional<Long> checkpoint() {
        return transaction.execute(tx -> {
            LogLocks.lockForTransaction(jdbc, LogLocks.CHECKPOINT);
            Optional<Checkpoints.Stored> newest = checkpoints.newest();
            long size = tree.size();
            long checkpointed = newest.map(Checkpoints.Stored::treeSize).orElse(0L);
            if (size <= checkpointed) {
                return newest.map(Checkpoints.Stored::treeSize);
            }
            byte[] root = tree.root(size);
            if (newest.isPresent()) {
                requireConsistent(newest.get(), size, root);
            }
            String note = keys.signer().sign(new Checkpoint(keys.origin(), size, root).text());
            checkpoints.insert(size, root, note);
            publish(note);
            inconsistency = null;
            return Optional.of(size);
        });
    }

    private void requireConsistent(Checkpoints.Stored previous, long size, byte[] root) {
        try {
            Checkpoint signed =
                    Checkpoint.parse(SignedNote.parse(previous.note()).text());
            MerkleTree.verifyConsistency(
                    signed.size(), size, signed.rootHash(), root, tree.consistencyProof(signed.size(), size));
        } catch (VerificationFailure e) {
            String problem = "the log of " + size + " leaves does not extend its checkpoint of " + previous.treeSize()
                    + " leaves: " + e.getMessage();
            if (!problem.equals(inconsistency)) {
                log.error(
                        "Refusing to sign a checkpoint: {}. The stored log has been altered; nothing more is"
                                + " signed until it is restored.",
                        problem);
            }
            inconsistency = problem;
            throw new IllegalStateException(problem, e);
        }
    }

    private void publish(String note) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                properties.checkpointTopic(), keys.origin(), note.getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader(CONTENT_TYPE, NOTE_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        try {
            kafka.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the checkpoint: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    /** Why the stored log cannot be checkpointed, if it cannot. */
    Optional<String> inconsistency() {
        return Optional.ofNullable(inconsistency);
    }

    /** Since when the log has been ahead of its newest checkpoint, if it is. */
    Optional<Instant> behindSince() {
        return Optional.ofNullable(behindSince);
    }

    @Override
    public void destroy() {
        ticks.shutdownNow();
    }
}
