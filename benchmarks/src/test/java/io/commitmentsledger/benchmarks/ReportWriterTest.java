package io.commitmentsledger.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportWriterTest {

    private static final LatencySummary LATENCY = new LatencySummary(
            10, 12, 1, 2, 3, 4, 0.5, List.of(new LatencySummary.Point(50, 1), new LatencySummary.Point(99, 3)));

    private static final BenchmarkReport REPORT = new BenchmarkReport(
            "2026-11-28T02:00:00Z",
            1.5,
            true,
            new BenchmarkReport.Machine(2, 7_900, "OpenJDK 25", "Linux amd64"),
            "4b880f0",
            Map.of("quick", "true"),
            List.of(
                    Figure.againstBaseline(
                            "commands via REST, 8 clients <x>", 400, "commands/s", 10_000, "raw", 0.3, ">= 0.3"),
                    Figure.atMost("2xx to timeline, p99", 50, "ms", 100, "p99 < 100 ms")),
            Map.of("commands, 8 clients", LATENCY),
            List.of(new BenchmarkReport.Throughput(8, 400, 10_000)),
            List.of(new BenchmarkReport.StreamLag(0, 10, 5), new BenchmarkReport.StreamLag(1, 0, 0)),
            List.of("a note"));

    @Test
    void theHtmlIsSelfContainedWithItsChartsAndEscapesNames(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("report.html");
        ReportWriter.html(REPORT, file);
        String html = Files.readString(file);

        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=\"http");
        assertThat(html)
                .contains("<svg", "Throughput by concurrency", "Latency by percentile: commands", "Lag over time");
        assertThat(html).contains("8 clients &lt;x&gt;").doesNotContain("<x>");
        assertThat(html).contains("not met: &gt;= 0.3", "met: p99 &lt; 100 ms");
    }

    @Test
    void theJsonHoldsEveryFigureWithItsRatio(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("report.json");
        ReportWriter.json(REPORT, file);
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(file));

        assertThat(json.path("commit").asString()).isEqualTo("4b880f0");
        assertThat(json.path("figures").get(0).path("ratio").asDouble()).isEqualTo(0.04);
        assertThat(json.path("figures").get(0).path("met").asBoolean()).isFalse();
        assertThat(json.path("latencies")
                        .path("commands, 8 clients")
                        .path("p99")
                        .asDouble())
                .isEqualTo(3);
        assertThat(json.path("lag")).hasSize(2);
    }

    @Test
    void theConsolePrintsEachFigureWithBaselineRatioAndTarget() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportWriter.console(REPORT, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String console = bytes.toString(StandardCharsets.UTF_8);

        assertThat(console).contains("commands via REST, 8 clients", "vs raw 10,000: ratio 0.040", "NOT met");
        assertThat(console).contains("2xx to timeline, p99", "[target p99 < 100 ms: met]");
    }
}
