package io.commitmentsledger.benchmarks;

import io.commitmentsledger.seeds.ClientCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * From a command's 2xx to the moment projection-service shows it: an open-loop load (commands sent on a fixed
 * schedule, whether or not earlier ones have answered, so a stall cannot slow the load down and hide itself) of
 * progress reports spread over many commitments; for each 2xx, the commitment's timeline is asked for with the version
 * the command answered ({@code minVersion}, read-your-writes: projection-service answers as soon as it has applied
 * it, without polling), and the time from the 2xx to that answer is recorded. Command latencies are timed from when
 * each command was due, so they too are free of coordinated omission.
 */
final class VisibilityLatency {

    private static final int COMMITMENTS = 200;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(20);

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

    Result measure(double rate, Duration duration) throws InterruptedException {
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
            String failure = awaitInTimeline(commitment, 0);
            if (failure != null) {
                throw new IllegalStateException("projection-service did not show the agreement of " + commitment
                        + " within " + LONGEST_WAIT + ": " + failure);
            }
        }
        LatencySamples toTimeline = new LatencySamples();
        LatencySamples commandLatency = new LatencySamples();
        Map<String, AtomicLong> commandFailures = new ConcurrentHashMap<>();
        Map<String, AtomicLong> readFailures = new ConcurrentHashMap<>();
        long interval = (long) (1e9 / rate);
        long count = (long) (duration.toNanos() / (double) interval);
        long start = System.nanoTime();
        // a thread per command in flight: the load keeps its schedule whatever the answers do
        ExecutorService senders = Executors.newCachedThreadPool();
        try {
            for (long i = 0; i < count; i++) {
                long due = start + i * interval;
                LockSupport.parkNanos(due - System.nanoTime());
                String commitment = commitments.get((int) (i % COMMITMENTS));
                senders.submit(() -> {
                    LedgerCommands.Answer answer = commands.reportProgress(commitment, LedgerCommands.GB, -1);
                    long answered = System.nanoTime();
                    commandLatency.add(answered - due);
                    if (!answer.succeeded()) {
                        commandFailures
                                .computeIfAbsent(answer.outcome(), any -> new AtomicLong())
                                .incrementAndGet();
                        return;
                    }
                    String failure = awaitInTimeline(commitment, answer.version());
                    if (failure == null) {
                        toTimeline.add(System.nanoTime() - answered);
                    } else {
                        readFailures
                                .computeIfAbsent(failure, any -> new AtomicLong())
                                .incrementAndGet();
                    }
                });
            }
            senders.shutdown();
            if (!senders.awaitTermination(LONGEST_WAIT.toSeconds() + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("commands or timeline reads still unanswered a minute after the load");
            }
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

    /** Null once the timeline answers at that version, else what it answered. */
    private @Nullable String awaitInTimeline(String commitment, long version) {
        URI timeline = projection.resolve("/api/v1/commitments/" + commitment + "/timeline?minVersion=" + version
                + "&wait=" + LONGEST_WAIT.toSeconds() + "s");
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(timeline)
                            .timeout(LONGEST_WAIT.plusSeconds(10))
                            .header("Authorization", credentials.authorization("auditor"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? null : Integer.toString(response.statusCode());
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Map<String, Long> counts(Map<String, AtomicLong> counters) {
        Map<String, Long> counted = new TreeMap<>();
        counters.forEach((what, count) -> counted.put(what, count.get()));
        return counted;
    }
}
