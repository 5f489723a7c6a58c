package io.commitmentsledger.benchmarks;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One client working through fresh commitments as the two parties' systems would record a commitment's life: the
 * agreement (by the Japanese agency), both confirmations, a workshop scheduled (by the UK), a few progress reports
 * (the parties in turn), both parties marking it complete. Each command carries the version the previous one answered
 * in {@code If-Match}. A command that is not answered 2xx ends that commitment: the client starts a fresh one.
 */
final class RealisticMix implements ClosedLoop.Client {

    private static final List<String> JAPANESE_AGENCIES = List.of("JP/METI", "JP/MIC", "JP/DIGITAL");
    private static final AtomicLong COMMITMENTS = new AtomicLong();

    private final LedgerCommands commands;
    private final String prefix;
    private final String japan;
    private final int progressReports;
    private String commitment = "";
    private int step;
    private long version = -1;

    RealisticMix(LedgerCommands commands, String prefix, int client, int progressReports) {
        this.commands = commands;
        this.prefix = prefix;
        this.japan = JAPANESE_AGENCIES.get(client % JAPANESE_AGENCIES.size());
        this.progressReports = progressReports;
    }

    /** Commands per commitment: agreement, 2 confirmations, workshop, the reports, 2 completions. */
    int commandsPerCommitment() {
        return 6 + progressReports;
    }

    @Override
    public @Nullable String call() {
        if (step == 0) {
            commitment = prefix + "-" + COMMITMENTS.incrementAndGet();
        }
        LedgerCommands.Answer answer = next();
        if (!answer.succeeded()) {
            step = 0;
            return answer.outcome();
        }
        version = answer.version();
        step = (step + 1) % commandsPerCommitment();
        return null;
    }

    private LedgerCommands.Answer next() {
        int last = commandsPerCommitment() - 1;
        if (step == 0) {
            return commands.agree(commitment, japan);
        } else if (step == 1) {
            return commands.confirm(commitment, japan, version);
        } else if (step == 2) {
            return commands.confirm(commitment, LedgerCommands.GB, version);
        } else if (step == 3) {
            return commands.scheduleWorkshop(commitment, LedgerCommands.GB, version);
        } else if (step < last - 1) {
            return commands.reportProgress(commitment, step % 2 == 0 ? japan : LedgerCommands.GB, version);
        } else if (step == last - 1) {
            return commands.markComplete(commitment, japan, version);
        } else {
            return commands.markComplete(commitment, LedgerCommands.GB, version);
        }
    }
}
