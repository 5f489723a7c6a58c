package io.commitmentsledger.faults;

import static org.awaitility.Awaitility.await;

import io.commitmentsledger.faults.support.Cleanup;
import io.commitmentsledger.faults.support.FaultReport;
import io.commitmentsledger.faults.support.Ledger;
import io.commitmentsledger.faults.support.LoadGenerator;
import io.commitmentsledger.faults.support.LoadGenerator.Attempt;
import io.commitmentsledger.faults.support.Tally;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The write side's PostgreSQL killed (SIGKILL of the postmaster) and restarted under load: clients get 503
 * problem+json with {@code Retry-After} while it is away, never a 500 or a hang past the request timeout; the service
 * recovers by itself; nothing acknowledged is lost.
 */
class WriteDatabaseOutageFaultIT {

    private final Cleanup cleanup = new Cleanup();

    @AfterEach
    void stopEverything() {
        cleanup.close();
    }

    @Test
    void answers503WhileTheWriteDatabaseIsAwayAndRecoversByItself() throws Exception {
        Ledger ledger = Ledger.start("write-database-outage", cleanup, false);
        LoadGenerator load = ledger.startLoad("database-outage");
        Ledger.awaitAcknowledged(load, Instant.EPOCH, 100);

        ledger.postgres().kill();
        Instant killed = Instant.now();
        // Away until every client has felt it (or 20 s, whichever comes first): an outage, not a blip.
        await("clients to feel the database outage")
                .atMost(Duration.ofSeconds(30))
                .until(() -> load.attemptsSince(killed, attempt -> attempt.status() / 100 != 2) >= 12
                        || Duration.between(killed, Instant.now()).toSeconds() >= 20);
        ledger.postgres().start();
        Instant restarted = Instant.now();
        Optional<Duration> recovery = Ledger.timeUntil(
                Duration.ofMinutes(2),
                () -> load.firstAcknowledgementAfter(restarted).isPresent());
        if (recovery.isPresent()) {
            Ledger.awaitAcknowledged(load, restarted, 100);
        }
        load.stop();

        Tally tally = ledger.tally(load, false);
        FaultReport.write(
                "write-side PostgreSQL SIGKILL",
                load,
                tally,
                true,
                false,
                "away %s; commands acknowledged again %s after PostgreSQL restarted"
                        .formatted(
                                FaultReport.seconds(Duration.between(killed, restarted)),
                                FaultReport.seconds(recovery.orElse(null))));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(load.attempts().stream().filter(attempt -> attempt.status() >= 500))
                .as("5xx answers other than 503 problem+json with Retry-After")
                .allMatch(attempt -> attempt.status() == 503 && attempt.problemJson() && attempt.retryAfter());
        softly.assertThat(load.attemptsSince(killed, attempt -> attempt.status() == 503))
                .as("503 answers while the database was away")
                .isPositive();
        softly.assertThat(load.attempts().stream().filter(attempt -> !attempt.answered()))
                .as("requests that hung past the %s request timeout or lost their connection", Ledger.REQUEST_TIMEOUT)
                .extracting(Attempt::failure)
                .isEmpty();
        softly.assertThat(recovery)
                .as("commands acknowledged again once PostgreSQL is back")
                .isPresent();
        softly.assertAll();
        tally.assertNothingLostOrDuplicated();
    }
}
