package io.commitmentsledger.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void uncorrectedPercentilesAreTheSamples() {
        LatencySamples samples = new LatencySamples();
        for (int millis = 1; millis <= 100; millis++) {
            samples.add(TimeUnit.MILLISECONDS.toNanos(millis));
        }
        LatencySummary summary = samples.summary(0);
        assertThat(summary.measured()).isEqualTo(100);
        assertThat(summary.recorded()).isEqualTo(100);
        assertThat(summary.p50()).isCloseTo(50, within(0.1));
        assertThat(summary.p99()).isCloseTo(99, within(0.1));
        assertThat(summary.max()).isCloseTo(100, within(0.1));
        assertThat(summary.curve()).extracting(LatencySummary.Point::percentile).contains(50.0, 99.0, 100.0);
    }

    @Test
    void aStallInAClosedLoopCountsTheRequestsThatWouldHaveWaitedBehindIt() {
        LatencySamples samples = new LatencySamples();
        for (int i = 0; i < 99; i++) {
            samples.add(TimeUnit.MILLISECONDS.toNanos(1));
        }
        samples.add(TimeUnit.MILLISECONDS.toNanos(1_000));

        LatencySummary uncorrected = samples.summary(0);
        LatencySummary corrected = samples.summary(TimeUnit.MILLISECONDS.toNanos(1));

        // one client sending every millisecond would have sent 999 more requests during the one-second stall
        assertThat(uncorrected.p99()).isCloseTo(1, within(0.01));
        assertThat(corrected.recorded()).isEqualTo(100 + 999);
        assertThat(corrected.p50()).isGreaterThan(400);
        assertThat(corrected.expectedIntervalMillis()).isEqualTo(1.0);
    }
}
