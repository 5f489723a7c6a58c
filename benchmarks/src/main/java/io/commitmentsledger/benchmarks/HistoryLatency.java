package io.commitmentsledger.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one command costs as a commitment's history grows: one client, one command at a time, a progress report on
 * commitments that already hold 10, 100 and 1,000 events (built through the API: an agreement, then progress reports).
 * Each level's commitments take at most a tenth of their size in measured commands, so their history grows by at most
 * 10% while measured (the 1,000-event commitment ends with up to 1,100).
 */
final class HistoryLatency {

    static final List<Integer> SIZES = List.of(10, 100, 1_000);

    /** The latency at each history size, and the largest commitment (for the timeline reads). */
    record Result(Map<Integer, LatencySummary> bySize, String largestCommitment, Map<String, Long> failures) {}

    private final LedgerCommands commands;
    private final String prefix;
    private final Map<String, Long> failures = new LinkedHashMap<>();

    HistoryLatency(LedgerCommands commands, String prefix) {
        this.commands = commands;
        this.prefix = prefix;
    }

    Result measure(int samples) {
        Map<Integer, LatencySummary> bySize = new LinkedHashMap<>();
        String largest = "";
        for (int size : SIZES) {
            int perCommitment = Math.max(1, size / 10);
            int count = (samples + perCommitment - 1) / perCommitment;
            List<String> built = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                built.add(build(prefix + "-" + size + "-" + i, size));
            }
            LatencySamples latencies = new LatencySamples();
            for (int i = 0; i < samples; i++) {
                LedgerCommands.Answer answer =
                        commands.reportProgress(built.get(i / perCommitment), LedgerCommands.GB, -1);
                count(answer);
                latencies.add(answer.nanos());
            }
            // one client, one command at a time, nothing else running: no stall hides other requests
            bySize.put(size, latencies.summary(0));
            largest = built.get(0);
        }
        return new Result(bySize, largest, failures);
    }

    /** A commitment of {@code events} events: its agreement and progress reports. */
    private String build(String commitment, int events) {
        count(commands.agree(commitment, "JP/METI"));
        for (int i = 1; i < events; i++) {
            count(commands.reportProgress(commitment, i % 2 == 0 ? "JP/METI" : LedgerCommands.GB, -1));
        }
        return commitment;
    }

    private void count(LedgerCommands.Answer answer) {
        if (!answer.succeeded()) {
            failures.merge(answer.outcome(), 1L, Long::sum);
            if (failures.values().stream().mapToLong(Long::longValue).sum() > 100) {
                throw new IllegalStateException("more than 100 commands failed while measuring history: " + failures);
            }
        }
    }
}
