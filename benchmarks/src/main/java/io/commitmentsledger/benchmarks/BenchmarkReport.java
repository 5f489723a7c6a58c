package io.commitmentsledger.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * Everything one run found, as {@code report.json} holds it and {@code report.html} and the console show it.
 *
 * @param latencies each latency distribution measured, by name ("commands, 8 clients", ...)
 * @param throughput the ledger's commands/s and the raw append's tx/s at each concurrency
 * @param lag the stream half's lag over time
 * @param notes how things were measured, what failed, anything a reader must know to trust a figure
 */
public record BenchmarkReport(
        String startedAt,
        double minutes,
        boolean complete,
        Machine machine,
        String commit,
        Map<String, String> settings,
        List<Figure> figures,
        Map<String, LatencySummary> latencies,
        List<Throughput> throughput,
        List<StreamLag> lag,
        List<String> notes) {

    /** Where it ran. */
    public record Machine(int cores, long memoryMebibytes, String jdk, String os) {}

    /** At one concurrency: commands/s through REST, and one-event-per-transaction JDBC appends/s. */
    public record Throughput(int concurrency, double ledgerCommandsPerSecond, double rawAppendsPerSecond) {}

    /** Seconds into the stream half's live phase: events recorded but not yet published, published but not applied. */
    public record StreamLag(double seconds, long recordedNotPublished, long publishedNotApplied) {}
}
