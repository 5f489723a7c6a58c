package io.commitmentsledger.benchmarks;

import io.commitmentsledger.seeds.ClientCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * From a command's 2xx to the moment projection-service shows it: an open-loop load (commands sent on a fixed
 * schedule, whether or not earlier ones have answered, so a stall cannot slow the load down and hide itself) of
 * progress reports spread over many commitments; for each 2xx, the commitment's timeline is asked for with the version
 * the command answered ({@code minVersion}, read-your-writes: projection-service answers as soon as it has applied
 * it, without polling; a busy 503 is asked again a second later, for up to a minute), and the time from the 2xx to
 * that answer is recorded. Command latencies are timed from when
 * each command was due, so they too are free of coordinated omission.
 */
final class VisibilityLatency {

    private static final int COMMITMENTS = 200;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(20);
    private static final Duration LONGEST_TO_VISIBLE = Duration.ofSeconds(60);
    private static final int SENDERS = 64;
    private static final String VISIBLE = "visible";

    record Result(
            double rate,
            long sent,
            LatencySummary toTimeline,
            LatencySummary commandLatency,
            Map<String, Long> commandFailures,
            Map<String, Long> readFailures) {}

    private final LedgerCommands commands;
    private final HttpClient http;
    private final URI projection;
    private final ClientCredentials credentials;
    private final String prefix;

    VisibilityLatency(
            LedgerCommands commands, HttpClient http, URI projection, ClientCredentials credentials, String prefix) {
        this.commands = commands;
        this.http = http;
        this.projection = projection;
        this.credentials = credentials;
        this.prefix = prefix;
    }

    Result measure(double rate, Duration duration) throws Exception {
        List<String> commitments = new ArrayList<>();
        for (int i = 0; i < COMMITMENTS; i++) {
            String id = prefix + "-" + i;
            LedgerCommands.Answer agreed = commands.agree(id, "JP/METI");
            if (!agreed.succeeded()) {
                throw new IllegalStateException("could not agree " + id + ": " + agreed.outcome());
            }
            commitments.add(id);
        }
        // Earlier phases leave events the projection may still be applying: start once it shows every agreement.
        for (String commitment : commitments) {
            String outcome = awaitVisible(commitment, 0, System.nanoTime() + LONGEST_WAIT.toNanos())
                    .get(LONGEST_WAIT.toSeconds() + 30, TimeUnit.SECONDS);
            if (!outcome.equals(VISIBLE)) {
                throw new IllegalStateException("projection-service did not show the agreement of " + commitment
                        + " within " + LONGEST_WAIT + ": " + outcome);
            }
        }
        LatencySamples toTimeline = new LatencySamples();
        LatencySamples commandLatency = new LatencySamples();
        Map<String, AtomicLong> commandFailures = new ConcurrentHashMap<>();
        Map<String, AtomicLong> readFailures = new ConcurrentHashMap<>();
        Queue<CompletableFuture<Void>> reads = new ConcurrentLinkedQueue<>();
        long interval = (long) (1e9 / rate);
        long count = (long) (duration.toNanos() / (double) interval);
        long start = System.nanoTime();
        // A bounded pool sends the commands: when the ledger falls behind, commands wait here for a sender, and that
        // wait counts in their latency (timed from when each was due), as it would for a real agency's queue.
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            for (long i = 0; i < count; i++) {
                long due = start + i * interval;
                LockSupport.parkNanos(due - System.nanoTime());
                String commitment = commitments.get((int) (i % COMMITMENTS));
                senders.execute(() -> {
                    LedgerCommands.Answer answer = commands.reportProgress(commitment, LedgerCommands.GB, -1);
                    long answered = System.nanoTime();
                    commandLatency.add(answered - due);
                    if (!answer.succeeded()) {
                        commandFailures
                                .computeIfAbsent(answer.outcome(), any -> new AtomicLong())
                                .incrementAndGet();
                        return;
                    }
                    reads.add(awaitVisible(commitment, answer.version(), answered + LONGEST_TO_VISIBLE.toNanos())
                            .thenAccept(outcome -> {
                                if (outcome.equals(VISIBLE)) {
                                    toTimeline.add(System.nanoTime() - answered);
                                } else {
                                    readFailures
                                            .computeIfAbsent(outcome, any -> new AtomicLong())
                                            .incrementAndGet();
                                }
                            }));
                });
            }
            senders.shutdown();
            if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("commands still unanswered two minutes after the load");
            }
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .get(LONGEST_TO_VISIBLE.toSeconds() + 60, TimeUnit.SECONDS);
        } finally {
            senders.shutdownNow();
        }
        return new Result(
                rate,
                count,
                toTimeline.summary(0),
                commandLatency.summary(0),
                counts(commandFailures),
                counts(readFailures));
    }

    /**
     * Asks the timeline for {@code version} (read-your-writes: answered once visible) without holding a thread, and
     * asks again a second later if projection-service is busy (503, {@code Retry-After: 1}), until the deadline.
     * Completes with {@link #VISIBLE}, or with what it got instead.
     */
    private CompletableFuture<String> awaitVisible(String commitment, long version, long deadlineNanos) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(projection.resolve("/api/v1/commitments/" + commitment
                            + "/timeline?minVersion=" + version + "&wait=" + LONGEST_WAIT.toSeconds() + "s"))
                    .timeout(LONGEST_WAIT.plusSeconds(10))
                    .header("Authorization", credentials.authorization("auditor"))
                    .build();
        } catch (RuntimeException noToken) {
            return CompletableFuture.completedFuture("token: " + noToken.getMessage());
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        return CompletableFuture.completedFuture(
                                cause.getClass().getSimpleName());
                    }
                    if (response.statusCode() == 200) {
                        return CompletableFuture.completedFuture(VISIBLE);
                    }
                    if (response.statusCode() == 503 && System.nanoTime() < deadlineNanos) {
                        return CompletableFuture.runAsync(
                                        () -> {}, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                                .thenCompose(again -> awaitVisible(commitment, version, deadlineNanos));
                    }
                    String outcome = response.statusCode() == 503
                            ? "not visible within " + LONGEST_TO_VISIBLE
                            : Integer.toString(response.statusCode());
                    return CompletableFuture.completedFuture(outcome);
                })
                .thenCompose(outcome -> outcome);
    }

    private static Map<String, Long> counts(Map<String, AtomicLong> counters) {
        Map<String, Long> counted = new TreeMap<>();
        counters.forEach((what, count) -> counted.put(what, count.get()));
        return counted;
    }
}
