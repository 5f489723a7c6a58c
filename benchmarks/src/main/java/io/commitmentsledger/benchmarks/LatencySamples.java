package io.commitmentsledger.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Latencies taken by many threads, summarised with HdrHistogram. A closed loop (each client waits for its answer
 * before sending the next request) under-reports stalls: a client stuck for a second sends nothing meanwhile, so the
 * requests it would have sent are never measured (coordinated omission). {@link #summary(long)} corrects for it as
 * HdrHistogram's {@code recordValueWithExpectedInterval} does: a latency of L with an expected interval I between one
 * client's requests also records L - I, L - 2I, ... down to I, the requests that waited behind the stall.
 */
final class LatencySamples {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    private static final double[] CURVE_PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 98, 99, 99.5, 99.9, 99.95, 99.99, 100
    };

    private long[] nanos = new long[1024];
    private int size;

    synchronized void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    synchronized int count() {
        return size;
    }

    /**
     * @param expectedIntervalNanos the interval at which one client sends when nothing stalls (its mean interval in
     *     the warm-up), or 0 for no correction (an open loop, timed from when each request was due)
     */
    synchronized LatencySummary summary(long expectedIntervalNanos) {
        Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        long intervalMicros = TimeUnit.NANOSECONDS.toMicros(expectedIntervalNanos);
        for (int i = 0; i < size; i++) {
            long micros = Math.min(HIGHEST_MICROS, Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos[i])));
            if (intervalMicros > 0) {
                histogram.recordValueWithExpectedInterval(micros, intervalMicros);
            } else {
                histogram.recordValue(micros);
            }
        }
        List<LatencySummary.Point> curve = Arrays.stream(CURVE_PERCENTILES)
                .mapToObj(percentile ->
                        new LatencySummary.Point(percentile, millis(histogram.getValueAtPercentile(percentile))))
                .toList();
        return new LatencySummary(
                size,
                histogram.getTotalCount(),
                millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(95)),
                millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()),
                expectedIntervalNanos / 1e6,
                curve);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
