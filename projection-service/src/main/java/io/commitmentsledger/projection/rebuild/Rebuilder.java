package io.commitmentsledger.projection.rebuild;

import io.commitmentsledger.projection.consumer.LiveProjectionListener;
import io.commitmentsledger.projection.consumer.PollChecks;
import io.commitmentsledger.projection.consumer.PollChecks.Checked;
import io.commitmentsledger.projection.consumer.ProjectionProperties;
import io.commitmentsledger.projection.consumer.UnreadableRecord;
import io.commitmentsledger.projection.rebuild.RebuildStatus.State;
import io.commitmentsledger.projection.store.Generation;
import io.commitmentsledger.projection.store.Generations;
import io.commitmentsledger.projection.store.Incident;
import io.commitmentsledger.projection.store.Incidents;
import io.commitmentsledger.projection.store.ReadModelWriter;
import io.commitmentsledger.projection.verification.RejectedRecord;
import io.commitmentsledger.projection.verification.VerifiedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every projection from the start of the topic into a fresh generation while the active one keeps
 * answering, then switches over atomically.
 *
 * <p>It reads the topic up to the end offsets it saw when it began. Then it pauses the live consumer, reads on to the
 * end offsets of that moment, makes the new generation active and resumes the live consumer. The live consumer may
 * then re-read records the rebuild has already applied; applying is idempotent per commitment and sequence, so
 * they change nothing, and nothing falls between the two.
 *
 * <p>It verifies every record as the live consumer does, and applies through the same chain check: a record that is
 * not verifiably the ledger's is skipped and logged at WARN (the live consumer dead-lettered and counted it already).
 */
@Component
public class Rebuilder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);
    private static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(30);

    private final Generations generations;
    private final ReadModelWriter writer;
    private final Incidents incidents;
    private final PollChecks checks;
    private final TransactionTemplate transaction;
    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaProperties kafka;
    private final ProjectionProperties properties;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "rebuild"));
    private final AtomicReference<@Nullable RebuildStatus> status = new AtomicReference<>();

    Rebuilder(
            Generations generations,
            ReadModelWriter writer,
            Incidents incidents,
            PollChecks checks,
            TransactionTemplate transaction,
            KafkaListenerEndpointRegistry listeners,
            KafkaProperties kafka,
            ProjectionProperties properties,
            Clock clock) {
        this.generations = generations;
        this.writer = writer;
        this.incidents = incidents;
        this.checks = checks;
        this.transaction = transaction;
        this.listeners = listeners;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a rebuild in the background; {@link RebuildAlreadyRunning} while one is in progress. */
    public synchronized RebuildStatus start() {
        if (status().filter(RebuildStatus::inProgress).isPresent()) {
            throw new RebuildAlreadyRunning();
        }
        RebuildStatus started =
                new RebuildStatus(State.RUNNING, null, 0, 0, null, null, 0, 0, List.of(), clock.instant(), null, null);
        status.set(started);
        worker.execute(this::run);
        return started;
    }

    /** The current or last rebuild; empty if there was none since the service started. */
    public Optional<RebuildStatus> status() {
        return Optional.ofNullable(status.get());
    }

    private void run() {
        Progress progress = new Progress(status().orElseThrow().startedAt());
        Generation generation = null;
        Generation replaced = null;
        MessageListenerContainer live = listeners.getListenerContainer(LiveProjectionListener.ID);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            generations.dropLeftovers();
            generation = generations.create();
            progress.generation = generation.schema();
            List<TopicPartition> partitions = consumer.partitionsFor(properties.topic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            progress.total = distance(start, end);
            readUntil(consumer, end, generation, progress);

            progress.state = State.SWITCHING;
            report(progress);
            live.pause();
            awaitPaused(live);
            Map<TopicPartition, Long> finalEnd = consumer.endOffsets(partitions);
            progress.total += distance(end, finalEnd);
            readUntil(consumer, finalEnd, generation, progress);
            replaced = generations.activate(generation);
            progress.state = State.DONE;
        } catch (RuntimeException e) {
            log.error("Rebuild failed; the active generation keeps answering", e);
            progress.state = State.FAILED;
            progress.failure = e.getMessage();
            if (generation != null) {
                generations.drop(generation); // refused if it became active: then it is the one that answers
            }
        } finally {
            live.resume();
            progress.finishedAt = clock.instant();
            report(progress);
        }
        // after the switch, with the live consumer running again: a drop that waits for a lock delays nobody
        if (replaced != null) {
            generations.drop(replaced);
        }
    }

    private void readUntil(
            KafkaConsumer<String, byte[]> consumer,
            Map<TopicPartition, Long> end,
            Generation generation,
            Progress progress) {
        Instant lastReport = clock.instant();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
            List<ConsumerRecord<String, byte[]>> inPhase = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : batch) {
                // past this phase's end: read again in the next phase or by the live consumer
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    inPhase.add(record);
                }
            }
            List<VerifiedEvent> events = new ArrayList<>();
            for (Checked checked : checks.check(inPhase)) {
                RuntimeException failure = checked.failure();
                if (failure instanceof UnreadableRecord) {
                    progress.skipped++; // the live consumer sent it to the dead-letter topic already
                } else if (failure instanceof RejectedRecord rejected) {
                    skip(rejected, progress);
                } else if (failure != null) {
                    throw failure;
                } else {
                    events.add(Objects.requireNonNull(checked.event()));
                }
                progress.done++;
            }
            transaction
                    .execute(tx -> writer.applyAll(generation, events))
                    .rejected()
                    .forEach(e -> skip(e, progress));
            for (TopicPartition partition : batch.partitions()) {
                List<ConsumerRecord<String, byte[]>> read = batch.records(partition);
                long next = read.get(read.size() - 1).offset() + 1;
                if (next > end.get(partition)) {
                    consumer.seek(partition, end.get(partition));
                }
            }
            if (Duration.between(lastReport, clock.instant()).compareTo(REPORT_EVERY) >= 0) {
                progress.incidents = incidents.in(generation);
                report(progress);
                lastReport = clock.instant();
            }
        }
        progress.incidents = incidents.in(generation);
        report(progress);
    }

    private static void skip(RejectedRecord rejected, Progress progress) {
        progress.rejected++;
        log.warn(
                "Rebuild skips commitment {} sequence {} (log index {}), not verifiably the ledger's: {}",
                rejected.commitmentId(),
                rejected.sequence(),
                rejected.logIndex() == null ? "-" : rejected.logIndex(),
                rejected.reason());
    }

    private void awaitPaused(MessageListenerContainer live) {
        long deadline = System.nanoTime() + PAUSE_TIMEOUT.toNanos();
        while (!live.isContainerPaused()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live consumer did not pause within " + PAUSE_TIMEOUT);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private void report(Progress progress) {
        RebuildStatus now = progress.status(clock.instant());
        status.set(now);
        log.info(
                "Rebuild {} into {}: {}/{} events, {} events/s, about {} s left, {} incidents",
                now.state(),
                now.generation(),
                now.eventsDone(),
                now.eventsTotal(),
                now.eventsPerSecond() == null ? "-" : Math.round(now.eventsPerSecond()),
                now.secondsLeft() == null ? "-" : now.secondsLeft(),
                now.incidents().size());
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private static long distance(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        return to.entrySet().stream()
                .mapToLong(e -> e.getValue() - from.getOrDefault(e.getKey(), 0L))
                .sum();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** The rebuild's counters, written by its one thread. */
    private static final class Progress {
        final Instant startedAt;
        State state = State.RUNNING;

        @Nullable
        String generation;

        long done;
        long total;
        long skipped;
        long rejected;
        List<Incident> incidents = List.of();

        @Nullable
        Instant finishedAt;

        @Nullable
        String failure;

        Progress(Instant startedAt) {
            this.startedAt = startedAt;
        }

        RebuildStatus status(Instant now) {
            double seconds = Duration.between(startedAt, now).toMillis() / 1000.0;
            Double rate = seconds > 0 && done > 0 ? done / seconds : null;
            Long left = rate == null ? null : Math.max(0, Math.round((total - done) / rate));
            return new RebuildStatus(
                    state,
                    generation,
                    done,
                    total,
                    rate,
                    left,
                    skipped,
                    rejected,
                    incidents,
                    startedAt,
                    finishedAt,
                    failure);
        }
    }
}
