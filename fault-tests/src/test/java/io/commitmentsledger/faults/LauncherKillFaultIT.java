package io.commitmentsledger.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.faults.support.Cleanup;
import io.commitmentsledger.faults.support.FaultReport;
import io.commitmentsledger.faults.support.Http;
import io.commitmentsledger.faults.support.Launcher;
import io.commitmentsledger.faults.support.Ledger;
import io.commitmentsledger.faults.support.LoadGenerator;
import io.commitmentsledger.faults.support.Processes;
import io.commitmentsledger.faults.support.Recorded;
import io.commitmentsledger.faults.support.Tally;
import io.commitmentsledger.seeds.ClientCredentials;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The launcher killed with SIGKILL: no ledger process (services, their embedded PostgreSQL, the authorization server,
 * the broker) is left after
 * 10 s, and the next start of the launcher starts cleanly with the data intact.
 */
class LauncherKillFaultIT {

    private static final String SEEDED = "/api/v1/commitments?partnership=jp-uk-digital-partnership&size=100";

    private final Cleanup cleanup = new Cleanup();

    @AfterEach
    void stopEverything() {
        cleanup.close();
    }

    @Test
    void leavesNoProcessBehindAndStartsAgainWithItsDataWhenTheLauncherIsKilled() throws Exception {
        Launcher launcher = cleanup.add(new Launcher(Processes.freshDirectory("launcher-kill")));
        launcher.start();
        // The secrets stay with the launcher's data, and its signing key too: these tokens outlive the restart.
        ClientCredentials credentials = launcher.credentials();
        Http http = Http.as(Duration.ofSeconds(30), credentials, "auditor");
        LoadGenerator load = cleanup.add(LoadGenerator.start(
                launcher.commitmentsService(), credentials, "launcher-kill", 12, 3, 25, Ledger.REQUEST_TIMEOUT));
        Ledger.awaitAcknowledged(load, Instant.EPOCH, 100);
        // Read once the load has run for seconds: the launcher reports "running" when the seeds are recorded, which
        // can be before projection-service has shown them all.
        JsonNode seeded = http.json(launcher.projectionService().resolve(SEEDED));

        List<ProcessHandle> ledgerProcesses = launcher.processes();
        launcher.kill();
        load.stop();
        Optional<Duration> allGone = Ledger.timeUntil(
                Duration.ofSeconds(10),
                () -> Stream.concat(ledgerProcesses.stream(), launcher.processes().stream())
                        .noneMatch(ProcessHandle::isAlive));
        List<String> leftBehind = Stream.concat(ledgerProcesses.stream(), launcher.processes().stream())
                .filter(ProcessHandle::isAlive)
                .distinct()
                .map(Launcher::describe)
                .toList();
        // Whatever is left would block the next start: cleared here, and the assertion below still fails.
        launcher.processes().forEach(Processes::kill);
        ledgerProcesses.stream().filter(ProcessHandle::isAlive).forEach(Processes::kill);

        Instant restarting = Instant.now();
        launcher.start();
        Duration restart = Duration.between(restarting, Instant.now());
        Tally tally = new Tally(load.acks(), recordedHistory(launcher, http, load), null, null);
        JsonNode seededAfterRestart = http.json(launcher.projectionService().resolve(SEEDED));

        FaultReport.write(
                "launcher SIGKILL",
                load,
                tally,
                false,
                false,
                "%s; the next start was running in %s"
                        .formatted(
                                allGone.map(gone -> "every ledger process gone " + FaultReport.seconds(gone)
                                                + " after the kill")
                                        .orElse(leftBehind.size()
                                                + " ledger processes still alive 10 s after the kill"),
                                FaultReport.seconds(restart)));
        assertThat(leftBehind)
                .as("ledger processes alive 10 s after the launcher was killed")
                .isEmpty();
        tally.assertNothingLostOrDuplicated();
        assertThat(seededAfterRestart.get("total").asLong())
                .as("seeded commitments after the restart")
                .isEqualTo(seeded.get("total").asLong())
                .isPositive();
    }

    /** Every event of the load's commitments, from the restarted write side's history API. */
    private static List<Recorded> recordedHistory(Launcher launcher, Http http, LoadGenerator load) throws IOException {
        List<Recorded> events = new ArrayList<>();
        for (String commitmentId : load.acks().stream()
                .map(LoadGenerator.Ack::commitmentId)
                .distinct()
                .toList()) {
            JsonNode history =
                    http.json(launcher.commitmentsService().resolve("/api/v1/commitments/" + commitmentId + "/events"));
            for (JsonNode event : history.get("events")) {
                events.add(new Recorded(
                        commitmentId,
                        event.get("sequence").asLong(),
                        event.get("eventId").asString(),
                        Recorded.tokenIn(event.get("payload").toString())));
            }
        }
        return events;
    }
}
