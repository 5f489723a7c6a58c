package io.commitmentsledger.faults.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One line per scenario run, printed and appended to {@code target/fault-report.md}: the figures a closing note
 * quotes.
 */
public final class FaultReport {

    private static final Path FILE = Path.of("target", "fault-report.md");
    private static final String HEADER = """
            | scenario | finished | acknowledged | in store | on topic | in projection | lost | duplicated | 5xx \
            | other non-2xx | no answer | recovery |
            |---|---|---|---|---|---|---|---|---|---|---|---|
            """;

    private FaultReport() {}

    /**
     * Writes the line; {@code recovery} says what recovered and how long it took. Parts not checked in a scenario (the
     * projection in some) show as a dash.
     */
    public static void write(
            String scenario,
            LoadGenerator load,
            Tally tally,
            boolean topicChecked,
            boolean projectionChecked,
            String recovery) {
        String line = "| %s | %s | %d | %d | %s | %s | %d | %d | %d | %s | %s | %s |%n"
                .formatted(
                        scenario,
                        Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        tally.acknowledged(),
                        tally.inStore(),
                        topicChecked ? Long.toString(tally.onTopic()) : "-",
                        projectionChecked ? Long.toString(tally.inProjection()) : "-",
                        tally.lost(),
                        tally.duplicated(),
                        load.serverErrors(),
                        describe(load.otherNon2xx()),
                        describe(load.unanswered()),
                        recovery);
        System.out.print("FAULT REPORT " + HEADER + line);
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, HEADER);
            }
            Files.writeString(FILE, line, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A duration in seconds with one decimal, or a dash if it never happened. */
    public static String seconds(@Nullable Duration duration) {
        return duration == null ? "-" : "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

    private static String describe(Map<?, Long> counts) {
        return counts.isEmpty() ? "0" : counts.toString();
    }
}
