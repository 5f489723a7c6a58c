package io.commitmentsledger.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A fixed number of clients, each sending its next request as soon as the previous one answered, first for a warm-up
 * (counted, not timed: it gives the JIT its chance and the expected interval that corrects the latencies for
 * coordinated omission), then for the measured phase. A request counts in the phase in which it completed.
 */
final class ClosedLoop {

    /** One client's next request: null when it succeeded, otherwise what it got instead (a status, an exception). */
    interface Client {
        @Nullable
        String call() throws Exception;
    }

    /**
     * @param perSecond requests completed in the measured phase per second, successes and failures alike
     * @param failures each failure (non-2xx status, exception) and how often, in both phases
     */
    record Result(
            int concurrency, long completed, double perSecond, Map<String, Long> failures, LatencySummary latency) {

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private ClosedLoop() {}

    static Result run(int concurrency, Duration warmUp, Duration measure, IntFunction<Client> clients)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        AtomicLong warmUpCount = new AtomicLong();
        AtomicLong measuredCount = new AtomicLong();
        LatencySamples samples = new LatencySamples();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        AtomicReference<@Nullable Throwable> crash = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Client client = clients.apply(i);
            Thread thread = new Thread(
                    () -> {
                        try {
                            while (System.nanoTime() < measureUntil && crash.get() == null) {
                                long sent = System.nanoTime();
                                String failure = client.call();
                                long answered = System.nanoTime();
                                if (failure != null) {
                                    failures.computeIfAbsent(failure, any -> new AtomicLong())
                                            .incrementAndGet();
                                }
                                if (answered < measureFrom) {
                                    warmUpCount.incrementAndGet();
                                } else if (answered < measureUntil) {
                                    measuredCount.incrementAndGet();
                                    samples.add(answered - sent);
                                }
                            }
                        } catch (Throwable e) {
                            crash.compareAndSet(null, e);
                        }
                    },
                    "client-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Throwable failed = crash.get();
        if (failed != null) {
            throw new IllegalStateException("a client failed: " + failed, failed);
        }
        long expectedInterval = warmUpCount.get() == 0 ? 0 : warmUp.toNanos() * concurrency / warmUpCount.get();
        Map<String, Long> counted = new TreeMap<>();
        failures.forEach((what, count) -> counted.put(what, count.get()));
        return new Result(
                concurrency,
                measuredCount.get(),
                measuredCount.get() / (measure.toNanos() / 1e9),
                counted,
                samples.summary(expectedInterval));
    }
}
