package io.commitmentsledger.projection.web;

import io.commitmentsledger.projection.consumer.ProjectionProgress;
import io.commitmentsledger.projection.store.ReadModelQueries;
import io.commitmentsledger.projection.summary.CommitmentSummary;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes without a thread per waiting read. A read that must wait registers for the commitment's next
 * change and returns; the consumer's progress notification, or the end of the wait scheduled on a small shared
 * scheduler, completes it. At most {@link ReadProperties#maxWaiting()} reads wait at once; one more is refused at
 * once ({@link TooManyWaitingReads}), never queued.
 *
 * <p>A commitment the read model does not know yet is waited for like any other: the write side answers a command
 * once it has recorded the event, and publishes it to the topic afterwards, so the first event of a commitment agreed
 * a moment ago may still be on its way. When the wait ends with the commitment still unknown, the answer is 404; when
 * it is known but older than asked for, 503 {@code version-not-yet-visible}.
 */
@Component
class VersionWaits implements DisposableBean {

    private static final int THREADS = 2;

    private final ReadModelQueries queries;
    private final ProjectionProgress progress;
    private final ReadProperties properties;
    private final Semaphore permits;
    private final ScheduledThreadPoolExecutor scheduler;

    VersionWaits(ReadModelQueries queries, ProjectionProgress progress, ReadProperties properties) {
        this.queries = queries;
        this.progress = progress;
        this.properties = properties;
        this.permits = new Semaphore(properties.maxWaiting());
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "version-waits-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.scheduler = new ScheduledThreadPoolExecutor(THREADS, factory);
        this.scheduler.setRemoveOnCancelPolicy(true);
    }

    /** The wait a reader asked for, cut to the longest allowed. */
    Duration bounded(Duration wait) {
        return wait.compareTo(properties.longestWait()) > 0 ? properties.longestWait() : wait;
    }

    /**
     * The commitment once it has reached {@code minVersion}, waiting up to {@code wait} for that. Completes
     * exceptionally with {@link NotFound} or {@link ProjectionLagging} when the wait ends first; throws {@link
     * TooManyWaitingReads} at once when too many reads wait already. Cancelling the future ends the wait.
     */
    CompletableFuture<CommitmentSummary> atLeast(String commitmentId, long minVersion, Duration wait) {
        Optional<CommitmentSummary> current = queries.summary(commitmentId);
        if (reached(current, minVersion)) {
            return CompletableFuture.completedFuture(current.get());
        }
        if (wait.isZero()) {
            return CompletableFuture.failedFuture(notReached(commitmentId, minVersion, current));
        }
        if (!permits.tryAcquire()) {
            throw new TooManyWaitingReads(properties.maxWaiting());
        }
        return new Wait(commitmentId, minVersion).start(bounded(wait));
    }

    private static boolean reached(Optional<CommitmentSummary> current, long minVersion) {
        return current.isPresent() && current.get().version() >= minVersion;
    }

    private static RuntimeException notReached(
            String commitmentId, long minVersion, Optional<CommitmentSummary> current) {
        if (current.isEmpty()) {
            return new NotFound("no commitment " + commitmentId + " is known");
        }
        return new ProjectionLagging(commitmentId, minVersion, current.get().version());
    }

    /** One waiting read: holds a permit, at most one registered change and one scheduled end until it completes. */
    private final class Wait {

        private final String commitmentId;
        private final long minVersion;
        private final CompletableFuture<CommitmentSummary> result = new CompletableFuture<>();
        private volatile @Nullable CompletableFuture<Void> change;
        private volatile @Nullable ScheduledFuture<?> end;

        Wait(String commitmentId, long minVersion) {
            this.commitmentId = commitmentId;
            this.minVersion = minVersion;
            result.whenComplete((summary, failure) -> {
                permits.release();
                cancel(change);
                cancel(end);
            });
        }

        CompletableFuture<CommitmentSummary> start(Duration wait) {
            try {
                end = scheduler.schedule(this::end, wait.toNanos(), TimeUnit.NANOSECONDS);
                check();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
            return result;
        }

        /** Registers for the next change, then reads: a change in between is not missed. */
        private void check() {
            if (result.isDone()) {
                return;
            }
            CompletableFuture<Void> next = progress.nextChange(commitmentId);
            change = next;
            if (result.isDone()) { // completed meanwhile; its completion may have missed this change
                next.cancel(false);
                return;
            }
            if (!settled(false)) {
                next.thenRunAsync(this::check, scheduler); // never on the consumer's thread: it must go on applying
            }
        }

        /** The wait is over: one last read, as the version may have arrived a moment ago. */
        private void end() {
            if (!result.isDone()) {
                settled(true);
            }
        }

        /**
         * Reads the commitment and completes the wait if it has reached the version or, on the {@code last} read,
         * with why not. Whether the wait is over.
         */
        private boolean settled(boolean last) {
            try {
                Optional<CommitmentSummary> current = queries.summary(commitmentId);
                if (reached(current, minVersion)) {
                    result.complete(current.get());
                    return true;
                }
                if (last) {
                    result.completeExceptionally(notReached(commitmentId, minVersion, current));
                }
                return last;
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return true;
            }
        }

        private static void cancel(@Nullable Future<?> future) {
            if (future != null) {
                future.cancel(false);
            }
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
