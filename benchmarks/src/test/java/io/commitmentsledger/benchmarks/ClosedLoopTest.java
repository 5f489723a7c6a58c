package io.commitmentsledger.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

    @Test
    void countsWhatCompletedInTheMeasuredPhaseAndEveryFailure() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ClosedLoop.Result result = ClosedLoop.run(2, Duration.ofMillis(100), Duration.ofMillis(300), client -> () -> {
            Thread.sleep(1); // the request's work
            return calls.incrementAndGet() % 10 == 0 ? "503" : null;
        });

        assertThat(result.concurrency()).isEqualTo(2);
        assertThat(result.completed()).isPositive().isLessThan(calls.get());
        assertThat(result.perSecond()).isEqualTo(result.completed() / 0.3);
        assertThat(result.failures()).containsOnlyKeys("503");
        assertThat(result.failed()).isEqualTo(calls.get() / 10);
        assertThat(result.latency().measured()).isEqualTo(result.completed());
        assertThat(result.latency().expectedIntervalMillis()).isPositive();
    }

    @Test
    void aClientThatThrowsStopsTheLoopAndSaysWhy() {
        assertThatThrownBy(() -> ClosedLoop.run(1, Duration.ZERO, Duration.ofSeconds(30), client -> () -> {
                    throw new IllegalStateException("no connection");
                }))
                .hasMessageContaining("no connection");
    }
}
