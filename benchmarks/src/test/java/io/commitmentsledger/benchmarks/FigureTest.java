package io.commitmentsledger.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void aRatioTargetIsAFloorOnValueOverBaseline() {
        Figure met = Figure.againstBaseline("commands", 4_000, "commands/s", 10_000, "raw", 0.3, ">= 0.3");
        Figure missed = Figure.againstBaseline("commands", 400, "commands/s", 10_000, "raw", 0.3, ">= 0.3");

        assertThat(met.ratio()).isEqualTo(0.4);
        assertThat(met.met()).isTrue();
        assertThat(missed.ratio()).isEqualTo(0.04);
        assertThat(missed.met()).isFalse();
    }

    @Test
    void aFigureWithoutTargetIsNeitherMetNorMissed() {
        assertThat(Figure.againstBaseline("commands", 1, "commands/s", 2, "raw", null, "")
                        .met())
                .isNull();
        assertThat(Figure.plain("memory", 300, "MiB").met()).isNull();
    }

    @Test
    void ceilingsOnValuesAndOnRatios() {
        assertThat(Figure.atMost("p99", 99.9, "ms", 100, "< 100 ms").met()).isTrue();
        assertThat(Figure.atMost("p99", 100.1, "ms", 100, "< 100 ms").met()).isFalse();
        assertThat(Figure.ratioAtMost("p50", 12, "ms", 4, "10-event", 1.5, "<= 1.5x")
                        .met())
                .isFalse();
        assertThat(Figure.ratioAtMost("p50", 5, "ms", 4, "10-event", 1.5, "<= 1.5x")
                        .ratio())
                .isEqualTo(1.25);
    }
}
