package io.commitmentsledger.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ledger.pids} tells the processes of a running ledger from ended ones, and from a pid given to another. */
class LedgerProcessesTest {

    @TempDir
    Path data;

    @Test
    void listsTheLauncherAndItsServicesAndFindsThoseStillRunning() throws Exception {
        LedgerProcesses processes = new LedgerProcesses(data);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();

        processes.startAfresh(LedgerProcesses.Entry.of("launcher", ProcessHandle.current()));
        processes.add(LedgerProcesses.Entry.of("commitments-service", ended.toHandle()));

        assertThat(processes.read())
                .extracting(LedgerProcesses.Entry::role, LedgerProcesses.Entry::pid)
                .containsExactly(
                        tuple("launcher", ProcessHandle.current().pid()), tuple("commitments-service", ended.pid()));
        assertThat(processes.read().get(0).running()).contains(ProcessHandle.current());
        assertThat(processes.read().get(1).running()).isEmpty();
    }

    @Test
    void aPidNowUsedByAProcessStartedAtAnotherTimeIsNotTheLedgers() {
        LedgerProcesses.Entry reused =
                new LedgerProcesses.Entry("launcher", ProcessHandle.current().pid(), "2001-01-01T00:00:00Z");

        assertThat(reused.running()).isEmpty();
    }

    @Test
    void aStartAfreshForgetsTheProcessesOfAnEarlierRun() {
        LedgerProcesses processes = new LedgerProcesses(data);
        processes.startAfresh(new LedgerProcesses.Entry("launcher", 1, "earlier"));
        processes.add(new LedgerProcesses.Entry("projection-service", 2, "earlier"));

        processes.startAfresh(LedgerProcesses.Entry.of("launcher", ProcessHandle.current()));

        assertThat(processes.read())
                .singleElement()
                .extracting(LedgerProcesses.Entry::pid)
                .isEqualTo(ProcessHandle.current().pid());
    }
}
