package io.commitmentsledger.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/** Small inline SVG charts drawn here, so the report needs no script and nothing from the internet. */
final class SvgCharts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 160;
    private static final int TOP = 30;
    private static final int BOTTOM = 45;
    private static final List<String> COLOURS =
            List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf");

    /** A line's points, in data units. */
    record Series(String name, List<double[]> points) {}

    /** A labelled position on an axis, in data units (before any transform). */
    record Tick(double value, String label) {}

    private SvgCharts() {}

    /**
     * Lines over a shared x axis; {@code xTransform} maps data x to the plotted scale (identity, or a log scale for
     * percentiles).
     */
    static String lines(
            String title,
            String xLabel,
            String yLabel,
            List<Series> series,
            DoubleUnaryOperator xTransform,
            List<Tick> xTicks) {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMax = 0;
        for (Series line : series) {
            for (double[] point : line.points()) {
                xMin = Math.min(xMin, xTransform.applyAsDouble(point[0]));
                xMax = Math.max(xMax, xTransform.applyAsDouble(point[0]));
                yMax = Math.max(yMax, point[1]);
            }
        }
        for (Tick tick : xTicks) {
            xMin = Math.min(xMin, xTransform.applyAsDouble(tick.value()));
            xMax = Math.max(xMax, xTransform.applyAsDouble(tick.value()));
        }
        if (xMin >= xMax) {
            xMax = xMin + 1;
        }
        yMax = niceCeiling(yMax);
        StringBuilder svg = frame(title, xLabel, yLabel);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        final double x0 = xMin;
        final double xSpan = xMax - xMin;
        final double yTop = yMax;
        DoubleUnaryOperator px = x -> LEFT + (xTransform.applyAsDouble(x) - x0) / xSpan * plotWidth;
        DoubleUnaryOperator py = y -> TOP + plotHeight - y / yTop * plotHeight;
        yTicks(svg, yMax, py);
        for (Tick tick : xTicks) {
            double x = px.applyAsDouble(tick.value());
            svg.append(format(
                    "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#ddd'/><text x='%.1f' y='%d' text-anchor='middle'>%s</text>",
                    x, TOP, x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 15, escape(tick.label())));
        }
        for (int i = 0; i < series.size(); i++) {
            Series line = series.get(i);
            String colour = COLOURS.get(i % COLOURS.size());
            StringBuilder path = new StringBuilder();
            for (double[] point : line.points()) {
                path.append(format("%.1f,%.1f ", px.applyAsDouble(point[0]), py.applyAsDouble(point[1])));
            }
            svg.append(format(
                    "<polyline fill='none' stroke='%s' stroke-width='2' points='%s'/>",
                    colour, path.toString().strip()));
            legend(svg, i, colour, line.name());
        }
        return svg.append("</svg>").toString();
    }

    /** Groups of bars (one group per category, one bar per series) on a logarithmic y axis, each bar labelled. */
    static String logBars(String title, String xLabel, String yLabel, List<String> categories, List<Series> series) {
        double yMax = 1;
        for (Series bars : series) {
            for (double[] point : bars.points()) {
                yMax = Math.max(yMax, point[1]);
            }
        }
        double decades = Math.ceil(Math.log10(yMax));
        StringBuilder svg = frame(title, xLabel, yLabel);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        DoubleUnaryOperator py = y -> TOP + plotHeight - Math.log10(Math.max(1, y)) / decades * plotHeight;
        for (int decade = 0; decade <= decades; decade++) {
            double y = py.applyAsDouble(Math.pow(10, decade));
            svg.append(format(
                    "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#ddd'/><text x='%d' y='%.1f' text-anchor='end'>%s</text>",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 5, y + 4, format("%,.0f", Math.pow(10, decade))));
        }
        double groupWidth = plotWidth / categories.size();
        double barWidth = groupWidth * 0.8 / series.size();
        for (int c = 0; c < categories.size(); c++) {
            double groupX = LEFT + c * groupWidth + groupWidth * 0.1;
            svg.append(format(
                    "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>",
                    LEFT + (c + 0.5) * groupWidth, HEIGHT - BOTTOM + 15, escape(categories.get(c))));
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).points().get(c)[1];
                double x = groupX + s * barWidth;
                double y = py.applyAsDouble(value);
                svg.append(format(
                        "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'/><text x='%.1f' y='%.1f' text-anchor='middle' font-size='10'>%s</text>",
                        x,
                        y,
                        barWidth - 2,
                        TOP + plotHeight - y,
                        COLOURS.get(s % COLOURS.size()),
                        x + barWidth / 2,
                        y - 3,
                        format("%,.0f", value)));
            }
        }
        for (int s = 0; s < series.size(); s++) {
            legend(svg, s, COLOURS.get(s % COLOURS.size()), series.get(s).name());
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder frame(String title, String xLabel, String yLabel) {
        StringBuilder svg = new StringBuilder(format(
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %1$d %2$d' role='img' aria-label='%s' font-family='sans-serif' font-size='11'>",
                WIDTH, HEIGHT, escape(title)));
        svg.append(format("<text x='%d' y='18' font-size='13' font-weight='bold'>%s</text>", LEFT, escape(title)));
        svg.append(format(
                "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333'/><line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333'/>",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        svg.append(format(
                "<text x='%d' y='%d' text-anchor='middle'>%s</text>",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8, escape(xLabel)));
        svg.append(format(
                "<text x='14' y='%d' text-anchor='middle' transform='rotate(-90 14 %1$d)'>%s</text>",
                (TOP + HEIGHT - BOTTOM) / 2, escape(yLabel)));
        return svg;
    }

    private static void yTicks(StringBuilder svg, double yMax, DoubleUnaryOperator py) {
        for (int i = 0; i <= 4; i++) {
            double value = yMax * i / 4;
            double y = py.applyAsDouble(value);
            svg.append(format(
                    "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#eee'/><text x='%d' y='%.1f' text-anchor='end'>%s</text>",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 5, y + 4, format(value < 10 ? "%.1f" : "%,.0f", value)));
        }
    }

    private static void legend(StringBuilder svg, int index, String colour, String name) {
        int y = TOP + 10 + index * 18;
        svg.append(format(
                "<rect x='%d' y='%d' width='12' height='12' fill='%s'/><text x='%d' y='%d'>%s</text>",
                WIDTH - RIGHT + 10, y - 10, colour, WIDTH - RIGHT + 27, y, escape(name)));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (value <= step * power) {
                return step * power;
            }
        }
        return 10 * power;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;")
                .replace("\"", "&quot;");
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
