package io.commitmentsledger.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One measured figure beside its raw baseline (when it has one), their ratio and the target.
 *
 * @param target the target in words, or empty when the figure has none
 * @param met whether the target is reached, null when the figure has none
 */
public record Figure(
        String name,
        double value,
        String unit,
        @Nullable Double baseline,
        @Nullable String baselineName,
        @Nullable Double ratio,
        String target,
        @Nullable Boolean met) {

    static Figure plain(String name, double value, String unit) {
        return new Figure(name, value, unit, null, null, null, "", null);
    }

    /** A figure whose target is a ceiling on the value itself. */
    static Figure atMost(String name, double value, String unit, double ceiling, String target) {
        return new Figure(name, value, unit, null, null, null, target, value <= ceiling);
    }

    /** A figure against its baseline; the target, if any, a floor on value / baseline. */
    static Figure againstBaseline(
            String name,
            double value,
            String unit,
            double baseline,
            String baselineName,
            @Nullable Double ratioAtLeast,
            String target) {
        double ratio = baseline == 0 ? 0 : value / baseline;
        return new Figure(
                name,
                value,
                unit,
                baseline,
                baselineName,
                ratio,
                target,
                ratioAtLeast == null ? null : ratio >= ratioAtLeast);
    }

    /** A figure against its baseline, whose target is a ceiling on value / baseline. */
    static Figure ratioAtMost(
            String name,
            double value,
            String unit,
            double baseline,
            String baselineName,
            double ceiling,
            String target) {
        double ratio = baseline == 0 ? 0 : value / baseline;
        return new Figure(name, value, unit, baseline, baselineName, ratio, target, ratio <= ceiling);
    }
}
