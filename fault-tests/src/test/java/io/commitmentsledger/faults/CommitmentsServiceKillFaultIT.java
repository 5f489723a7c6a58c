package io.commitmentsledger.faults;

import io.commitmentsledger.faults.support.Cleanup;
import io.commitmentsledger.faults.support.FaultReport;
import io.commitmentsledger.faults.support.Ledger;
import io.commitmentsledger.faults.support.LoadGenerator;
import io.commitmentsledger.faults.support.Tally;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * commitments-service killed (SIGKILL) mid-load, then restarted against the same database and broker: every
 * acknowledged command is in the store exactly once, on the topic at least once and in order per commitment, and in
 * the projection exactly once; sequences have no gap.
 */
class CommitmentsServiceKillFaultIT {

    private final Cleanup cleanup = new Cleanup();

    @AfterEach
    void stopEverything() {
        cleanup.close();
    }

    @Test
    void keepsEveryAcknowledgedCommandWhenCommitmentsServiceIsKilledMidLoad() throws Exception {
        Ledger ledger = Ledger.start("commitments-service-kill", cleanup, true);
        LoadGenerator load = ledger.startLoad("service-kill");
        Ledger.awaitAcknowledged(load, Instant.EPOCH, 200);

        ledger.commitmentsService().kill();
        Instant killed = Instant.now();
        ledger.commitmentsService().start();
        Ledger.awaitAcknowledged(load, killed, 200);
        load.stop();
        Duration recovery =
                Duration.between(killed, load.firstAcknowledgementAfter(killed).orElseThrow());

        Tally tally = ledger.tally(load, true);
        FaultReport.write(
                "commitments-service SIGKILL",
                load,
                tally,
                true,
                true,
                "commands acknowledged again " + FaultReport.seconds(recovery) + " after the kill");
        tally.assertNothingLostOrDuplicated();
    }
}
