package io.commitmentsledger.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.faults.support.Cleanup;
import io.commitmentsledger.faults.support.FaultReport;
import io.commitmentsledger.faults.support.Ledger;
import io.commitmentsledger.faults.support.LoadGenerator;
import io.commitmentsledger.faults.support.LoadGenerator.Ack;
import io.commitmentsledger.faults.support.Tally;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker killed (SIGKILL) for 30 s under load, then started again on the same log directory and port: no
 * 5xx for commands; after it returns everything is published in order; the time to catch up is measured.
 */
class BrokerOutageFaultIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final Cleanup cleanup = new Cleanup();

    @AfterEach
    void stopEverything() {
        cleanup.close();
    }

    @Test
    void publishesEverythingInOrderAfterTheBrokerWasKilledForThirtySecondsUnderLoad() throws Exception {
        Ledger ledger = Ledger.start("broker-outage", cleanup, false);
        LoadGenerator load = ledger.startLoad("broker-outage");
        Ledger.awaitAcknowledged(load, Instant.EPOCH, 100);

        ledger.broker().kill();
        Instant killed = Instant.now();
        // The one fixed timing of the scenario, as the issue names it; commands go on meanwhile.
        await("the broker's 30 s outage")
                .atMost(OUTAGE.plusSeconds(10))
                .until(() -> Duration.between(killed, Instant.now()).compareTo(OUTAGE) >= 0);
        long acknowledgedDuringOutage = load.acknowledgedSince(killed);

        ledger.broker().start();
        Instant restarted = Instant.now();
        List<Ack> beforeRestart = load.acks();
        Optional<Duration> catchUp =
                Ledger.timeUntil(Duration.ofMinutes(3), () -> ledger.published(beforeRestart, load));
        Ledger.awaitAcknowledged(load, restarted, 100);
        load.stop();

        Tally tally = ledger.tally(load, false);
        FaultReport.write(
                "Kafka broker SIGKILL for 30 s",
                load,
                tally,
                true,
                false,
                "%d commands acknowledged during the outage; all on the topic %s after the broker restarted"
                        .formatted(acknowledgedDuringOutage, FaultReport.seconds(catchUp.orElse(null))));
        assertThat(load.serverErrors()).as("5xx answers to commands").isZero();
        assertThat(acknowledgedDuringOutage)
                .as("commands acknowledged while the broker was away")
                .isPositive();
        assertThat(catchUp)
                .as("time until everything acknowledged was published")
                .isPresent();
        tally.assertNothingLostOrDuplicated();
    }
}
