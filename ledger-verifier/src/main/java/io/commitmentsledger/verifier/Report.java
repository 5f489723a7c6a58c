package io.commitmentsledger.verifier;

import java.io.PrintWriter;
import java.util.Base64;

/**
 * What the verifier found, as it finds it: one {@code FAIL} line per failure (up to a limit, then only counted),
 * {@code NOTE} lines for what could not be checked, and the summary lines.
 */
final class Report {

    static final int DEFAULT_FAILURE_LIMIT = 100;

    private final PrintWriter out;
    private final int limit;
    private int failures;

    Report(PrintWriter out, int limit) {
        this.out = out;
        this.limit = limit;
    }

    /** A check failed at {@code where} (a line, a record, a file); {@code what} says what was expected and found. */
    void failure(String where, String what) {
        failures++;
        if (failures <= limit) {
            out.println("FAIL " + where + ": " + what);
        } else if (failures == limit + 1) {
            out.println(
                    "FAIL ... more failures: counted, not shown (--max-failures raises the limit of " + limit + ")");
        }
    }

    void note(String text) {
        out.println("NOTE " + text);
    }

    /** A summary line: a label in a column, then the text. */
    void summary(String label, String text) {
        out.printf("%-13s %s%n", label, text);
    }

    int failures() {
        return failures;
    }

    /** Prints the verdict and returns the exit status: 0 when everything checked verified, 1 otherwise. */
    int verdict() {
        if (failures == 0) {
            summary("RESULT", "VERIFIED");
            out.flush();
            return 0;
        }
        summary("RESULT", "FAILED: " + failures + (failures == 1 ? " failure" : " failures") + " (FAIL lines above)");
        out.flush();
        return 1;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Events per second, for the summary. */
    static String rate(long events, long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        return String.format("%d events in %.2f s: %,.0f events/s", events, seconds, events / seconds);
    }
}
