package io.commitmentsledger.faults.support;

import io.commitmentsledger.seeds.ClientCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A steady load of commands from several clients, as agency systems would send them: each client agrees its own
 * commitments (as JP/METI), then reports progress on them in turn (as GB/DSIT), each command with its agency's bearer
 * token from the authorization server. A shared rate limiter paces all clients together. Every command carries an
 * {@code Idempotency-Key} and a unique token in its text; a client retries a command that got no
 * answer or a 5xx with the same key until it is acknowledged. Every attempt is logged, and every 2xx with its
 * commitment, the version it answered and the token, so the checks can find each acknowledged command afterwards.
 */
public final class LoadGenerator implements AutoCloseable {

    /** A command the ledger acknowledged with a 2xx: its commitment, the version it answered, its token. */
    public record Ack(String commitmentId, long version, String token, Instant at) {}

    /**
     * One request and what came of it: the status (0 when no answer came: {@code failure} says why), how long it took,
     * and whether the answer was problem+json with a {@code Retry-After}.
     */
    public record Attempt(
            Instant at, int status, String failure, Duration took, boolean problemJson, boolean retryAfter) {

        public boolean answered() {
            return status != 0;
        }
    }

    private record Command(
            String commitmentId, String path, String agency, String body, String token, String idempotencyKey) {}

    private final URI ledger;
    private final ClientCredentials credentials;
    private final String prefix;
    private final int clients;
    private final Duration requestTimeout;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Semaphore permits = new Semaphore(0);
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clientThreads;
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Attempt> lastAttempt = new ThreadLocal<>();
    private volatile boolean running = true;

    private LoadGenerator(
            URI ledger, ClientCredentials credentials, String prefix, int clients, Duration requestTimeout) {
        this.ledger = ledger;
        this.credentials = credentials;
        this.prefix = prefix;
        this.clients = clients;
        this.requestTimeout = requestTimeout;
        this.clientThreads = Executors.newFixedThreadPool(clients);
    }

    /**
     * Starts {@code clients} clients sending {@code commandsPerSecond} commands in all, over {@code commitmentsPerClient}
     * commitments each, with ids starting with {@code prefix}, with tokens from {@code credentials}. A request gets no
     * answer after {@code requestTimeout}.
     */
    public static LoadGenerator start(
            URI ledger,
            ClientCredentials credentials,
            String prefix,
            int clients,
            int commitmentsPerClient,
            int commandsPerSecond,
            Duration requestTimeout) {
        LoadGenerator load = new LoadGenerator(ledger, credentials, prefix, clients, requestTimeout);
        load.pacer.scheduleAtFixedRate(load::releasePermit, 0, 1_000_000 / commandsPerSecond, TimeUnit.MICROSECONDS);
        for (int client = 0; client < clients; client++) {
            List<String> commitments = new ArrayList<>();
            for (int i = 0; i < commitmentsPerClient; i++) {
                commitments.add(prefix + "-c" + client + "-" + i);
            }
            load.clientThreads.submit(() -> load.runClient(commitments));
        }
        return load;
    }

    /** At most one waiting permit per client: a client that could not send does not burst afterwards. */
    private void releasePermit() {
        if (permits.availablePermits() < clients) {
            permits.release();
        }
    }

    private void runClient(List<String> commitments) {
        List<String> agreed = new ArrayList<>();
        Command next = null;
        int turn = 0;
        while (running) {
            if (next == null) {
                next = agreed.size() < commitments.size()
                        ? agreement(commitments.get(agreed.size()))
                        : progressReport(agreed.get(turn++ % agreed.size()));
            }
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                return;
            }
            Optional<Long> version = send(next);
            if (version.isPresent()) {
                acks.add(new Ack(next.commitmentId(), version.get(), next.token(), Instant.now()));
                if (next.path().equals("/api/v1/commitments")) {
                    agreed.add(next.commitmentId());
                }
                next = null;
            } else if (lastAttemptRejected()) {
                next = null; // a 4xx: sending it again would be refused again
            }
        }
    }

    private boolean lastAttemptRejected() {
        int status = lastAttempt.get().status();
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    /** Sends one attempt of the command; the version it answered if it was acknowledged. */
    private Optional<Long> send(Command command) {
        Instant start = Instant.now();
        Attempt attempt;
        Optional<Long> version = Optional.empty();
        try {
            // The cached token, or a new one shortly before it expires: the authorization server is never killed here.
            HttpRequest request = HttpRequest.newBuilder(ledger.resolve(command.path()))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", command.idempotencyKey())
                    .header("Authorization", credentials.authorization(command.agency()))
                    .POST(HttpRequest.BodyPublishers.ofString(command.body()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            attempt = new Attempt(
                    start,
                    response.statusCode(),
                    "",
                    Duration.between(start, Instant.now()),
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response.headers().firstValue("Retry-After").isPresent());
            if (response.statusCode() / 100 == 2) {
                JsonNode body = Http.JSON.readTree(response.body());
                version = Optional.of(body.get("version").asLong());
            }
        } catch (HttpTimeoutException e) {
            attempt = new Attempt(start, 0, "timeout", Duration.between(start, Instant.now()), false, false);
        } catch (IOException e) {
            attempt = new Attempt(start, 0, "connection", Duration.between(start, Instant.now()), false, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt = new Attempt(start, 0, "interrupted", Duration.between(start, Instant.now()), false, false);
        } catch (RuntimeException noToken) {
            // No token to send (the authorization server did not answer): counted as unanswered, and tried again.
            attempt = new Attempt(start, 0, "token", Duration.between(start, Instant.now()), false, false);
        }
        attempts.add(attempt);
        lastAttempt.set(attempt);
        return version;
    }

    private static Command agreement(String commitmentId) {
        String token = token();
        return new Command(
                commitmentId,
                "/api/v1/commitments",
                "JP/METI",
                """
                {"commitmentId": "%s", "partnershipId": "jp-uk-digital-partnership", "area": "semiconductors",
                 "title": "Fault test commitment", "description": "%s",
                 "parties": [{"country": "JP", "agencies": ["METI"]}, {"country": "GB", "agencies": ["DSIT"]}],
                 "target": {"quarter": "2024-Q4"}, "agreedOn": "2024-01-16",
                 "source": {"title": "Japan-UK Digital Partnership outcome document"},
                 "actingAgency": "JP/METI"}""".formatted(commitmentId, token),
                token,
                UUID.randomUUID().toString());
    }

    private static Command progressReport(String commitmentId) {
        String token = token();
        return new Command(
                commitmentId,
                "/api/v1/commitments/" + commitmentId + "/progress-reports",
                "GB/DSIT",
                """
                {"note": "%s", "reportedOn": "2024-02-01", "actingAgency": "GB/DSIT"}""".formatted(token),
                token,
                UUID.randomUUID().toString());
    }

    /** A unique token in each command's text, by which the checks find it in the store, on the topic and in reads. */
    private static String token() {
        return "fault-token-" + UUID.randomUUID();
    }

    public String prefix() {
        return prefix;
    }

    /** Stops sending; a request in flight ends within the request timeout. */
    public void stop() throws InterruptedException {
        running = false;
        pacer.shutdownNow();
        permits.release(clients);
        clientThreads.shutdown();
        if (!clientThreads.awaitTermination(requestTimeout.toSeconds() + 10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("load clients did not stop");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }

    public List<Ack> acks() {
        return List.copyOf(acks);
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public long acknowledgedSince(Instant instant) {
        return acks.stream().filter(ack -> !ack.at().isBefore(instant)).count();
    }

    /** When the first command sent after {@code instant} was acknowledged, if one was. */
    public Optional<Instant> firstAcknowledgementAfter(Instant instant) {
        return acks.stream().map(Ack::at).filter(at -> at.isAfter(instant)).min(Instant::compareTo);
    }

    public long attemptsSince(Instant instant, Predicate<Attempt> which) {
        return attempts.stream()
                .filter(attempt -> !attempt.at().isBefore(instant))
                .filter(which)
                .count();
    }

    public long serverErrors() {
        return attempts.stream().filter(attempt -> attempt.status() >= 500).count();
    }

    /** Answers other than 2xx and 5xx, by status. */
    public Map<Integer, Long> otherNon2xx() {
        return attempts.stream()
                .filter(Attempt::answered)
                .filter(attempt -> attempt.status() / 100 != 2 && attempt.status() < 500)
                .collect(Collectors.groupingBy(Attempt::status, TreeMap::new, Collectors.counting()));
    }

    /**
     * Attempts with no answer, by why: {@code connection} (refused or reset), {@code timeout}, or {@code token} (none
     * could be had to send).
     */
    public Map<String, Long> unanswered() {
        return attempts.stream()
                .filter(attempt -> !attempt.answered())
                .collect(Collectors.groupingBy(Attempt::failure, TreeMap::new, Collectors.counting()));
    }
}
