package io.commitmentsledger.benchmarks;

import io.commitmentsledger.benchmarks.streams.StreamBenchmark;
import io.commitmentsledger.benchmarks.streams.StreamFigures;
import io.commitmentsledger.benchmarks.streams.StreamSettings;
import io.commitmentsledger.benchmarks.streams.StreamTarget;
import io.commitmentsledger.seeds.ClientCredentials;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The ledger's one benchmark ({@code ./run-benchmark}): starts the whole ledger as real processes (the launcher
 * behind {@code ./run-ledger}), measures it the way agencies and readers use it next to raw baselines on the same
 * servers, stops everything, and writes {@code benchmarks/target/benchmark/report.json} and {@code report.html}.
 * The phases, in order (docs/benchmark.md says how each is measured):
 *
 * <ol>
 *   <li>raw one-event-per-transaction JDBC appends at 1, 8 and 32 clients ({@link RawAppendBaseline});
 *   <li>commands through REST with a realistic mix at 1, 8 and 32 clients ({@link RealisticMix});
 *   <li>one command on commitments with 10, 100 and 1,000 events ({@link HistoryLatency});
 *   <li>2xx to visible in the timeline at half the peak command rate ({@link VisibilityLatency});
 *   <li>the timeline of the 1,000-event commitment read by 16 readers ({@link ReadLatency});
 *   <li>the stream half: publication, live consumer, rebuild, lag ({@link StreamBenchmark});
 *   <li>the list query read by 16 readers over the stream half's 100,000 commitments ({@link ReadLatency});
 *   <li>each service's resident memory ({@link ResidentMemory}).
 * </ol>
 *
 * A phase that fails is noted in the report and the others still run; the exit status is then 1, as it is when any
 * command was answered other than 2xx.
 */
public final class LedgerBenchmark {

    /** The topic commitments-service publishes every event to (its default, which the launcher keeps). */
    private static final String EVENT_TOPIC = "commitment-events";

    private final BenchmarkSettings settings;
    private final Path root;
    private final Path directory;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, LatencySummary> latencies = new LinkedHashMap<>();
    private final List<BenchmarkReport.Throughput> throughput = new ArrayList<>();
    private final List<BenchmarkReport.StreamLag> lag = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<Integer, Double> rawAppends = new LinkedHashMap<>();
    private final Map<String, Long> commandFailures = new LinkedHashMap<>();
    private final String prefix =
            "bench-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private boolean complete = true;
    private double peakCommandRate;
    private String largestCommitment = "";

    private LedgerBenchmark(BenchmarkSettings settings, Path root) {
        this.settings = settings;
        this.root = root;
        this.directory = root.resolve("benchmarks/target/benchmark");
    }

    /** Exits through {@link System#exit}: HTTP and Kafka client threads would keep Maven's exec plugin waiting. */
    public static void main(String[] args) {
        int status;
        try {
            status = new LedgerBenchmark(BenchmarkSettings.fromSystemProperties(), repositoryRoot()).run();
        } catch (Exception e) {
            System.err.println("The benchmark failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private int run() throws Exception {
        Instant started = Instant.now();
        Files.createDirectories(directory);
        LedgerUnderTest ledger = new LedgerUnderTest(directory, root);
        // Ctrl-C or a kill of this JVM stops the ledger too; the launcher's children also watch it.
        Thread stopOnExit = new Thread(ledger::close, "stop-benchmarked-ledger");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            System.out.println("Starting the ledger (launcher, broker, authorization server, both services with"
                    + " their PostgreSQL, the seeds) in " + directory + " ...");
            ledger.start(settings.startTimeout());
            measure(ledger);
        } catch (Exception e) {
            phaseFailed("starting the ledger", e);
        } finally {
            System.out.println("Stopping the ledger ...");
            ledger.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
        long failedCommands =
                commandFailures.values().stream().mapToLong(Long::longValue).sum();
        figures.add(Figure.atMost("commands answered other than 2xx (every phase)", failedCommands, "", 0, "0"));
        if (failedCommands > 0) {
            notes.add("Commands answered other than 2xx, by status or failure: " + commandFailures);
        }
        BenchmarkReport report = new BenchmarkReport(
                started.truncatedTo(ChronoUnit.SECONDS).toString(),
                Duration.between(started, Instant.now()).toMillis() / 60_000.0,
                complete,
                machine(),
                commit(),
                settings.asMap(),
                figures,
                latencies,
                throughput,
                lag,
                notes);
        ReportWriter.json(report, directory.resolve("report.json"));
        ReportWriter.html(report, directory.resolve("report.html"));
        ReportWriter.console(report, System.out);
        System.out.println("Report: " + directory.resolve("report.html") + " and report.json beside it");
        return complete && failedCommands == 0 ? 0 : 1;
    }

    private void measure(LedgerUnderTest ledger) {
        ClientCredentials credentials = ledger.credentials();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        LedgerCommands commands = new LedgerCommands(http, ledger.commitmentsService(), credentials);
        phase("raw append baseline", () -> rawAppendBaseline(ledger));
        phase("commands through REST", () -> commandThroughput(commands));
        phase("command latency by history", () -> historyLatency(commands));
        phase("2xx to timeline", () -> visibility(commands, http, ledger, credentials));
        ReadLatency reads = new ReadLatency(http, ledger.projectionService(), credentials);
        // Before the stream half, whose live consumer may still be applying a backlog long after it ends.
        phase("timeline reads", () -> timelineReads(reads));
        phase("stream half", () -> streamHalf(ledger, credentials));
        // Needs the stream half's 100,000 commitments in the read model.
        phase("list reads", () -> listReads(reads));
        phase("resident memory", () -> residentMemory(ledger));
    }

    private void rawAppendBaseline(LedgerUnderTest ledger) throws Exception {
        try (RawAppendBaseline raw = new RawAppendBaseline(ledger.storeJdbcUrl())) {
            for (int concurrency : settings.concurrencies()) {
                ClosedLoop.Result result = raw.measure(concurrency, settings.warmUp(), settings.measure());
                rawAppends.put(concurrency, result.perSecond());
                figures.add(Figure.plain("raw append, " + clients(concurrency), result.perSecond(), "tx/s"));
                latencies.put("raw append, " + clients(concurrency), result.latency());
                progress("raw append, %s: %.0f tx/s", clients(concurrency), result.perSecond());
            }
            notes.add("Raw append: one INSERT per transaction (autocommit) into benchmark_raw_event (LIKE"
                    + " domain_event_entry INCLUDING ALL) in commitments-service's PostgreSQL, each client its own"
                    + " aggregate, " + raw.payloadBytes() + " bytes of payload and metadata copied from the seeds'"
                    + " largest event; the table is dropped afterwards.");
        }
    }

    private void commandThroughput(LedgerCommands commands) throws Exception {
        for (int concurrency : settings.concurrencies()) {
            String clientPrefix = prefix + "-c" + concurrency;
            ClosedLoop.Result result = ClosedLoop.run(
                    concurrency,
                    settings.warmUp(),
                    settings.measure(),
                    client -> new RealisticMix(
                            commands, clientPrefix + "-" + client, client, settings.progressReportsPerCommitment()));
            result.failures().forEach((what, count) -> commandFailures.merge(what, count, Long::sum));
            peakCommandRate = Math.max(peakCommandRate, result.perSecond());
            double raw = rawAppends.getOrDefault(concurrency, 0.0);
            Double floor = concurrency >= 8 ? 0.3 : null;
            figures.add(Figure.againstBaseline(
                    "commands via REST, " + clients(concurrency),
                    result.perSecond(),
                    "commands/s",
                    raw,
                    "raw append tx/s",
                    floor,
                    floor == null ? "" : ">= 0.3 of raw append (aim 0.5)"));
            figures.add(Figure.plain(
                    "commands via REST, " + clients(concurrency) + ", p99",
                    result.latency().p99(),
                    "ms"));
            latencies.put("commands, " + clients(concurrency), result.latency());
            throughput.add(new BenchmarkReport.Throughput(concurrency, result.perSecond(), raw));
            progress(
                    "commands, %s: %.0f commands/s, p50 %.1f ms, p99 %.1f ms, failures %s",
                    clients(concurrency),
                    result.perSecond(),
                    result.latency().p50(),
                    result.latency().p99(),
                    result.failures());
        }
        notes.add("Commands: each client works through fresh commitments: agreement, two confirmations, a workshop, "
                + settings.progressReportsPerCommitment() + " progress reports, two completions; each command with"
                + " its agency's token, an Idempotency-Key and If-Match. Closed loop; latencies corrected for"
                + " coordinated omission with HdrHistogram's recordValueWithExpectedInterval, the expected interval"
                + " being each client's mean interval in the warm-up (" + settings.warmUp() + ").");
    }

    private void historyLatency(LedgerCommands commands) {
        HistoryLatency.Result result =
                new HistoryLatency(commands, prefix + "-history").measure(settings.historySamples());
        result.failures().forEach((what, count) -> commandFailures.merge(what, count, Long::sum));
        largestCommitment = result.largestCommitment();
        result.bySize().forEach((size, latency) -> {
            latencies.put(String.format(Locale.ROOT, "history, %,d events", size), latency);
            if (size < 1_000) {
                figures.add(Figure.plain("one command on a " + size + "-event commitment, p50", latency.p50(), "ms"));
            }
        });
        LatencySummary small = result.bySize().get(10);
        LatencySummary large = result.bySize().get(1_000);
        figures.add(Figure.ratioAtMost(
                "one command on a 1,000-event commitment, p50",
                large.p50(),
                "ms",
                small.p50(),
                "10-event p50 ms",
                1.5,
                "<= 1.5x the 10-event one"));
        progress("history: p50 %.1f ms at 10 events, %.1f ms at 1,000", small.p50(), large.p50());
    }

    private void visibility(
            LedgerCommands commands, HttpClient http, LedgerUnderTest ledger, ClientCredentials credentials)
            throws Exception {
        if (peakCommandRate <= 0) {
            throw new IllegalStateException("no peak command rate: the command phase did not run");
        }
        double rate = peakCommandRate / 2;
        VisibilityLatency.Result result = new VisibilityLatency(
                        commands, http, ledger.projectionService(), credentials, prefix + "-visible")
                .measure(rate, settings.visibilityDuration());
        result.commandFailures().forEach((what, count) -> commandFailures.merge(what, count, Long::sum));
        latencies.put("visibility: 2xx to timeline", result.toTimeline());
        latencies.put("visibility: command (open loop)", result.commandLatency());
        figures.add(Figure.plain(
                "2xx to timeline at " + Math.round(rate) + " commands/s, p50",
                result.toTimeline().p50(),
                "ms"));
        figures.add(Figure.atMost(
                "2xx to timeline at " + Math.round(rate) + " commands/s, p99",
                result.toTimeline().p99(),
                "ms",
                100,
                "p99 < 100 ms"));
        if (!result.readFailures().isEmpty()) {
            notes.add("Timeline reads that did not show the command's version: " + result.readFailures());
        }
        notes.add(String.format(
                Locale.ROOT,
                "2xx to timeline: open loop at half the peak command rate (%.0f of %.0f commands/s) for %s, progress"
                        + " reports over 200 commitments; each 2xx's version asked of the timeline with minVersion"
                        + " and wait (read-your-writes), timed from the 2xx to the answer.",
                rate,
                peakCommandRate,
                settings.visibilityDuration()));
        progress(
                "2xx to timeline: p50 %.1f ms, p99 %.1f ms",
                result.toTimeline().p50(), result.toTimeline().p99());
    }

    private void streamHalf(LedgerUnderTest ledger, ClientCredentials credentials) throws Exception {
        StreamFigures stream = new StreamBenchmark(
                        new StreamTarget(
                                ledger.kafkaBootstrapServers(),
                                EVENT_TOPIC,
                                ledger.storeJdbcUrl(),
                                ledger.projectionJdbcUrl(),
                                ledger.commitmentsService(),
                                ledger.projectionService(),
                                () -> credentials.token("admin"),
                                () -> credentials.token("auditor")),
                        new StreamSettings(
                                settings.streamCommitments(),
                                settings.streamEventsPerCommitment(),
                                settings.streamLiveWindow()))
                .run();
        figures.add(Figure.plain("stream half: events in the store", stream.events(), "events"));
        figures.add(Figure.againstBaseline(
                "publication",
                stream.publicationEventsPerSecond(),
                "events/s",
                stream.plainProducerRecordsPerSecond(),
                "plain producer records/s",
                0.5,
                ">= 0.5 of the plain producer"));
        figures.add(Figure.againstBaseline(
                "rebuild",
                stream.rebuildEventsPerSecond(),
                "events/s",
                stream.plainConsumerRecordsPerSecond(),
                "plain consumer records/s",
                0.5,
                ">= 0.5 of the plain consumer"));
        figures.add(Figure.againstBaseline(
                "live consumer",
                stream.liveApplyEventsPerSecond(),
                "events/s",
                stream.plainConsumerRecordsPerSecond(),
                "plain consumer records/s",
                0.3,
                ">= 0.3 of the plain consumer"));
        stream.lag()
                .forEach(sample -> lag.add(new BenchmarkReport.StreamLag(
                        sample.seconds(), sample.recordedNotPublished(), sample.publishedNotApplied())));
        stream.notes().forEach(note -> notes.add("Stream half: " + note));
        progress(
                "stream half: publication %.0f ev/s, live %.0f ev/s, rebuild %.0f ev/s",
                stream.publicationEventsPerSecond(),
                stream.liveApplyEventsPerSecond(),
                stream.rebuildEventsPerSecond());
    }

    private void timelineReads(ReadLatency reads) throws Exception {
        if (largestCommitment.isEmpty()) {
            throw new IllegalStateException("no 1,000-event commitment: the history phase did not run");
        }
        long entries = reads.timelineEntries(largestCommitment);
        ClosedLoop.Result result =
                reads.timeline(largestCommitment, settings.readers(), settings.warmUp(), settings.readDuration());
        latencies.put("reads: timeline of " + entries + " events", result.latency());
        figures.add(Figure.plain("timeline reads, " + settings.readers() + " readers", result.perSecond(), "reads/s"));
        figures.add(Figure.atMost(
                "timeline read (" + entries + " events), " + settings.readers() + " readers, p99",
                result.latency().p99(),
                "ms",
                10,
                "p99 < 10 ms"));
        noteReadFailures("timeline", result);
        progress(
                "timeline reads: %.0f/s, p99 %.1f ms",
                result.perSecond(), result.latency().p99());
    }

    private void listReads(ReadLatency reads) throws Exception {
        long inReadModel = reads.total("size=1");
        long matching = reads.total(settings.listQuery());
        ClosedLoop.Result result =
                reads.list(settings.listQuery(), settings.readers(), settings.warmUp(), settings.readDuration());
        latencies.put("reads: list query", result.latency());
        figures.add(Figure.plain("commitments in the read model", inReadModel, "commitments"));
        figures.add(Figure.plain("list reads, " + settings.readers() + " readers", result.perSecond(), "reads/s"));
        figures.add(Figure.atMost(
                "list query at " + inReadModel + " commitments, " + settings.readers() + " readers, p99",
                result.latency().p99(),
                "ms",
                20,
                "p99 < 20 ms"));
        notes.add("List query: GET /api/v1/commitments?" + settings.listQuery() + " (" + matching + " of " + inReadModel
                + " commitments match); reads are closed loops corrected like the commands.");
        noteReadFailures("list", result);
        progress(
                "list reads: %.0f/s, p99 %.1f ms",
                result.perSecond(), result.latency().p99());
    }

    private void residentMemory(LedgerUnderTest ledger) {
        for (String service : List.of("commitments-service", "projection-service")) {
            ledger.pid(service).stream()
                    .mapToObj(ResidentMemory::mebibytes)
                    .flatMapToLong(java.util.OptionalLong::stream)
                    .findFirst()
                    .ifPresentOrElse(
                            mebibytes -> figures.add(
                                    Figure.plain(service + " resident memory at the end", mebibytes, "MiB")),
                            () -> notes.add("No resident memory for " + service + ": no pid or no /proc"));
        }
    }

    private void noteReadFailures(String what, ClosedLoop.Result result) {
        if (!result.failures().isEmpty()) {
            complete = false;
            notes.add(what + " reads answered other than 200: " + result.failures());
        }
    }

    private interface Phase {
        void run() throws Exception;
    }

    private void phase(String name, Phase phase) {
        System.out.println("-- " + name);
        try {
            phase.run();
        } catch (Exception e) {
            phaseFailed(name, e);
        }
    }

    private void phaseFailed(String name, Exception e) {
        complete = false;
        notes.add("FAILED: " + name + ": " + e);
        System.err.println("FAILED: " + name + ": " + e);
        e.printStackTrace();
    }

    private static void progress(String format, Object... arguments) {
        System.out.println("   " + String.format(Locale.ROOT, format, arguments));
    }

    private static String clients(int concurrency) {
        return concurrency + (concurrency == 1 ? " client" : " clients");
    }

    private static BenchmarkReport.Machine machine() {
        long memory = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException notLinux) {
            // memory stays 0: unknown
        }
        return new BenchmarkReport.Machine(
                Runtime.getRuntime().availableProcessors(),
                memory,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /** {@code git rev-parse HEAD}, marked when the working tree has uncommitted changes to tracked files. */
    private String commit() {
        String head = git("rev-parse", "HEAD");
        String changes = git("status", "--porcelain", "--untracked-files=no");
        return head.isEmpty()
                ? "unknown (not a git checkout)"
                : head + (changes.isEmpty() ? "" : " (with uncommitted changes)");
    }

    private String git(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The repository's root, where the services' jars and the seeds are: this directory or one above it. */
    private static Path repositoryRoot() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("run-ledger")) && Files.isDirectory(directory.resolve("seeds"))) {
                return directory;
            }
        }
        throw new IllegalStateException("run it from the repository (no run-ledger and seeds/ found in "
                + Path.of("").toAbsolutePath() + " or above)");
    }
}
