package io.commitmentsledger.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one command costs as a commitment's history grows: one client, one command at a time, a progress report on
 * commitments that already hold 10, 100 and 1,000 events (built through the API: an agreement, then progress reports).
 * Each level's commitments take at most a tenth of their size in measured commands, so their history grows by at most
 * 10% while measured (the 1,000-event commitment ends with up to 1,100). The levels are measured in turn, round by
 * round, so that they share whatever else the machine is doing.
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
        // Every level is built first, then measured in turn, one command for each level in every round: whatever else
        // the machine is doing meanwhile (projection-service still applying the previous phase's backlog, say)
        // weighs on every level alike, instead of on whichever level happened to be measured first.
        Map<Integer, List<String>> built = new LinkedHashMap<>();
        for (int size : SIZES) {
            List<String> commitments = new ArrayList<>();
            for (int i = 0; i < (samples + perCommitment(size) - 1) / perCommitment(size); i++) {
                commitments.add(build(prefix + "-" + size + "-" + i, size));
            }
            built.put(size, commitments);
        }
        Map<Integer, LatencySamples> latencies = new LinkedHashMap<>();
        SIZES.forEach(size -> latencies.put(size, new LatencySamples()));
        for (int i = 0; i < samples; i++) {
            for (int size : SIZES) {
                LedgerCommands.Answer answer =
                        commands.reportProgress(built.get(size).get(i / perCommitment(size)), LedgerCommands.GB, -1);
                count(answer);
                latencies.get(size).add(answer.nanos());
            }
        }
        Map<Integer, LatencySummary> bySize = new LinkedHashMap<>();
        // one client, one command at a time: no stall hides other requests
        latencies.forEach((size, measured) -> bySize.put(size, measured.summary(0)));
        return new Result(bySize, built.get(SIZES.get(SIZES.size() - 1)).get(0), failures);
    }

    /** How many measured commands each commitment of a level takes: a tenth of its size, at least one. */
    private static int perCommitment(int size) {
        return Math.max(1, size / 10);
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
