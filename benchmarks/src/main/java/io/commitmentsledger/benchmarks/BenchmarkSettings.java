package io.commitmentsledger.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run can be told, as system properties ({@code -Dbenchmark.<name>=...}), with defaults for a full run
 * (about 20 minutes on a 2-core machine) or, with {@code -Dbenchmark.quick=true}, a quick one (small counts, short
 * phases, a few minutes) for development.
 */
public record BenchmarkSettings(
        boolean quick,
        List<Integer> concurrencies,
        Duration warmUp,
        Duration measure,
        int progressReportsPerCommitment,
        int historySamples,
        Duration visibilityDuration,
        int streamCommitments,
        int streamEventsPerCommitment,
        Duration streamLiveWindow,
        int readers,
        Duration readDuration,
        String listQuery,
        Duration startTimeout) {

    public static BenchmarkSettings fromSystemProperties() {
        boolean quick = Boolean.getBoolean("benchmark.quick");
        return new BenchmarkSettings(
                quick,
                List.of(1, 8, 32),
                duration("benchmark.warmUp", quick ? "3s" : "10s"),
                duration("benchmark.measure", quick ? "8s" : "40s"),
                integer("benchmark.progressReportsPerCommitment", 3),
                integer("benchmark.historySamples", quick ? 30 : 100),
                duration("benchmark.visibilityDuration", quick ? "10s" : "60s"),
                integer("benchmark.streamCommitments", quick ? 5_000 : 100_000),
                integer("benchmark.streamEventsPerCommitment", 10),
                duration("benchmark.streamLiveWindow", quick ? "10s" : "30s"),
                integer("benchmark.readers", 16),
                duration("benchmark.readDuration", quick ? "8s" : "30s"),
                System.getProperty("benchmark.listQuery", "party=GB&status=CONFIRMED&page=0&size=20"),
                duration("benchmark.startTimeout", "4m"));
    }

    /** As the report records them. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("quick", Boolean.toString(quick));
        map.put("concurrencies", concurrencies.toString());
        map.put("warmUp", warmUp.toString());
        map.put("measure", measure.toString());
        map.put("progressReportsPerCommitment", Integer.toString(progressReportsPerCommitment));
        map.put("historySamples", Integer.toString(historySamples));
        map.put("visibilityDuration", visibilityDuration.toString());
        map.put("streamCommitments", Integer.toString(streamCommitments));
        map.put("streamEventsPerCommitment", Integer.toString(streamEventsPerCommitment));
        map.put("streamLiveWindow", streamLiveWindow.toString());
        map.put("readers", Integer.toString(readers));
        map.put("readDuration", readDuration.toString());
        map.put("listQuery", listQuery);
        map.put("startTimeout", startTimeout.toString());
        return map;
    }

    private static Duration duration(String name, String fallback) {
        String text = System.getProperty(name, fallback).strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                default -> throw new IllegalArgumentException("unit");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "-D" + name + "=" + text + " is not a duration such as 30s, 500ms, 2m or PT30S", e);
        }
    }

    private static int integer(String name, int fallback) {
        String text = System.getProperty(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + "=" + text + " is not a whole number", e);
        }
    }
}
