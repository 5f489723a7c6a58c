package io.commitmentsledger.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's {@link BenchmarkReport} three ways: {@code report.json}, a self-contained {@code report.html} (inline
 * SVG charts, no script) and the console, each figure with its baseline, ratio and target.
 */
final class ReportWriter {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportWriter() {}

    static void json(BenchmarkReport report, Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(report));
    }

    static void console(BenchmarkReport report, PrintStream out) {
        out.println();
        out.println("Commitments Ledger benchmark, " + report.startedAt() + ", commit " + report.commit()
                + (report.settings().get("quick").equals("true") ? " (quick mode)" : ""));
        out.printf(
                Locale.ROOT,
                "machine: %d cores, %,d MiB, %s, %s; took %.1f min%n",
                report.machine().cores(),
                report.machine().memoryMebibytes(),
                report.machine().jdk(),
                report.machine().os(),
                report.minutes());
        for (Figure figure : report.figures()) {
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT, "  %-58s %12s %-12s", figure.name(), number(figure.value()), figure.unit()));
            if (figure.baseline() != null) {
                line.append(String.format(
                        Locale.ROOT,
                        " vs %s %s: ratio %s",
                        figure.baselineName(),
                        number(figure.baseline()),
                        ratio(figure.ratio())));
            }
            if (!figure.target().isEmpty()) {
                line.append("  [target ")
                        .append(figure.target())
                        .append(": ")
                        .append(Boolean.TRUE.equals(figure.met()) ? "met" : "NOT met")
                        .append(']');
            }
            out.println(line);
        }
        report.notes().forEach(note -> out.println("  note: " + note));
        out.println();
    }

    static void html(BenchmarkReport report, Path file) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Commitments Ledger benchmark</title>
                <style>
                body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
                table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}
                td.n{text-align:right;font-variant-numeric:tabular-nums}.met{color:#176317}.missed{color:#a11}
                figure{margin:1.5em 0}
                </style></head><body>
                <h1>Commitments Ledger benchmark</h1>
                """);
        html.append("<p>")
                .append(escape(report.startedAt()))
                .append(", commit <code>")
                .append(escape(report.commit()))
                .append("</code>, ")
                .append(String.format(
                        Locale.ROOT,
                        "%d cores, %,d MiB, %s, %s; took %.1f minutes",
                        report.machine().cores(),
                        report.machine().memoryMebibytes(),
                        escape(report.machine().jdk()),
                        escape(report.machine().os()),
                        report.minutes()))
                .append(report.complete() ? "" : ". <strong>Incomplete: a phase failed (see the notes).</strong>")
                .append("</p>\n");
        html.append(
                "<h2>Figures</h2>\n<table><tr><th>figure</th><th>value</th><th>baseline</th><th>ratio</th><th>target</th></tr>\n");
        for (Figure figure : report.figures()) {
            html.append("<tr><td>")
                    .append(escape(figure.name()))
                    .append("</td><td class='n'>")
                    .append(number(figure.value()))
                    .append(' ')
                    .append(escape(figure.unit()))
                    .append("</td><td>")
                    .append(
                            figure.baseline() == null
                                    ? ""
                                    : escape(figure.baselineName()) + " " + number(figure.baseline()))
                    .append("</td><td class='n'>")
                    .append(figure.ratio() == null ? "" : ratio(figure.ratio()))
                    .append("</td><td")
                    .append(
                            figure.met() == null
                                    ? ">"
                                    : figure.met() ? " class='met'>met: " : " class='missed'>not met: ")
                    .append(escape(figure.target()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Charts</h2>\n");
        if (!report.throughput().isEmpty()) {
            html.append(figure(SvgCharts.logBars(
                    "Throughput by concurrency: ledger vs raw append",
                    "concurrent clients",
                    "per second (log scale)",
                    report.throughput().stream()
                            .map(point -> point.concurrency() + " clients")
                            .toList(),
                    List.of(
                            new SvgCharts.Series(
                                    "commands/s (REST)",
                                    report.throughput().stream()
                                            .map(point ->
                                                    new double[] {point.concurrency(), point.ledgerCommandsPerSecond()})
                                            .toList()),
                            new SvgCharts.Series(
                                    "raw append tx/s",
                                    report.throughput().stream()
                                            .map(point ->
                                                    new double[] {point.concurrency(), point.rawAppendsPerSecond()})
                                            .toList())))));
        }
        for (String group : List.of("commands", "history", "visibility", "reads")) {
            List<SvgCharts.Series> curves = new ArrayList<>();
            report.latencies().forEach((name, latency) -> {
                if (name.startsWith(group)) {
                    curves.add(new SvgCharts.Series(
                            name.substring(group.length()).replaceFirst("^[:, ]+", ""),
                            latency.curve().stream()
                                    .filter(point -> point.percentile() < 100)
                                    .map(point -> new double[] {point.percentile(), point.millis()})
                                    .toList()));
                }
            });
            if (!curves.isEmpty()) {
                html.append(figure(SvgCharts.lines(
                        "Latency by percentile: " + group,
                        "percentile",
                        "milliseconds",
                        curves,
                        percentile -> Math.log10(100 / (100 - Math.min(percentile, 99.99))),
                        List.of(
                                new SvgCharts.Tick(0, "0%"),
                                new SvgCharts.Tick(90, "90%"),
                                new SvgCharts.Tick(99, "99%"),
                                new SvgCharts.Tick(99.9, "99.9%"),
                                new SvgCharts.Tick(99.99, "99.99%")))));
            }
        }
        if (!report.lag().isEmpty()) {
            double end = report.lag().get(report.lag().size() - 1).seconds();
            html.append(figure(SvgCharts.lines(
                    "Lag over time (stream half)",
                    "seconds",
                    "events",
                    List.of(
                            new SvgCharts.Series(
                                    "recorded, not published",
                                    report.lag().stream()
                                            .map(sample ->
                                                    new double[] {sample.seconds(), sample.recordedNotPublished()})
                                            .toList()),
                            new SvgCharts.Series(
                                    "published, not applied",
                                    report.lag().stream()
                                            .map(sample ->
                                                    new double[] {sample.seconds(), sample.publishedNotApplied()})
                                            .toList())),
                    x -> x,
                    List.of(
                            new SvgCharts.Tick(0, "0"),
                            new SvgCharts.Tick(end, String.format(Locale.ROOT, "%.0f", end))))));
        }
        html.append("<h2>Latency distributions</h2>\n<table><tr><th>what</th><th>measured</th><th>p50 ms</th>"
                + "<th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>corrected with interval (ms)</th></tr>\n");
        report.latencies()
                .forEach((name, latency) -> html.append(String.format(
                        Locale.ROOT,
                        "<tr><td>%s</td><td class='n'>%,d</td><td class='n'>%.2f</td><td class='n'>%.2f</td><td class='n'>%.2f</td><td class='n'>%.2f</td><td class='n'>%s</td></tr>%n",
                        escape(name),
                        latency.measured(),
                        latency.p50(),
                        latency.p95(),
                        latency.p99(),
                        latency.max(),
                        latency.expectedIntervalMillis() == 0
                                ? "none (open loop or one client)"
                                : String.format(Locale.ROOT, "%.2f", latency.expectedIntervalMillis()))));
        html.append("</table>\n<h2>Notes</h2>\n<ul>\n");
        report.notes().forEach(note -> html.append("<li>").append(escape(note)).append("</li>\n"));
        html.append("</ul>\n<h2>Settings</h2>\n<table>\n");
        for (Map.Entry<String, String> setting : report.settings().entrySet()) {
            html.append("<tr><td>benchmark.")
                    .append(escape(setting.getKey()))
                    .append("</td><td>")
                    .append(escape(setting.getValue()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        Files.writeString(file, html);
    }

    private static String figure(String svg) {
        return "<figure>" + svg + "</figure>\n";
    }

    private static String number(double value) {
        return value >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(Double ratio) {
        return ratio == null ? "" : String.format(Locale.ROOT, "%.3f", ratio);
    }

    private static String escape(String text) {
        return SvgCharts.escape(text);
    }
}
