package io.commitmentsledger.benchmarks;

import java.util.List;

/**
 * A latency distribution in milliseconds.
 *
 * @param measured the requests timed
 * @param recorded the values in the histogram: more than measured when corrected for coordinated omission
 * @param expectedIntervalMillis the correction's expected interval per client, 0 when uncorrected
 * @param curve the latency at each of a fixed set of percentiles, for the percentile chart
 */
public record LatencySummary(
        long measured,
        long recorded,
        double p50,
        double p95,
        double p99,
        double max,
        double expectedIntervalMillis,
        List<Point> curve) {

    /** The latency (ms) at a percentile. */
    public record Point(double percentile, double millis) {}
}
