package io.commitmentsledger.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.faults.support.Cleanup;
import io.commitmentsledger.faults.support.FaultReport;
import io.commitmentsledger.faults.support.Http;
import io.commitmentsledger.faults.support.Ledger;
import io.commitmentsledger.faults.support.LoadGenerator;
import io.commitmentsledger.faults.support.Projection;
import io.commitmentsledger.faults.support.Tally;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * projection-service killed (SIGKILL) during a rebuild: after restart it converges to exactly what a clean rebuild
 * gives (every list, summary and timeline answer equal).
 */
class ProjectionRebuildKillFaultIT {

    /** Enough events that a rebuild runs long enough to be killed in the middle. */
    private static final int PRELOADED_COMMANDS = 3000;

    private final Cleanup cleanup = new Cleanup();
    /** Reads as an auditor, who may also follow a rebuild's progress; the admin starts rebuilds. */
    private Http http = new Http(Duration.ofSeconds(30));

    private Http admin = new Http(Duration.ofSeconds(30));

    @AfterEach
    void stopEverything() {
        cleanup.close();
    }

    @Test
    void convergesToWhatACleanRebuildGivesAfterBeingKilledDuringARebuild() throws Exception {
        Ledger ledger = Ledger.start("projection-rebuild-kill", cleanup, true);
        http = ledger.http(Duration.ofSeconds(30), "auditor");
        admin = ledger.http(Duration.ofSeconds(30), "admin");
        LoadGenerator preload = cleanup.add(LoadGenerator.start(
                ledger.commitmentsService().uri(),
                ledger.credentials(),
                "preload",
                12,
                10,
                400,
                Ledger.REQUEST_TIMEOUT));
        Ledger.awaitAcknowledged(preload, Instant.EPOCH, PRELOADED_COMMANDS);
        preload.stop();
        LoadGenerator load = ledger.startLoad("rebuild-kill");
        Ledger.awaitAcknowledged(load, Instant.EPOCH, 100);

        URI projection = ledger.projectionService().uri();
        JsonNode atKill = killDuringARebuild(ledger);
        Instant killed = Instant.now();
        ledger.projectionService().start();
        Duration restart = Duration.between(killed, Instant.now());
        Ledger.awaitAcknowledged(load, killed, 100);
        load.stop();

        Projection.awaitVisible(projection, http, Projection.newestVersions(load.acks()), Duration.ofMinutes(3));
        Duration converged = Duration.between(killed, Instant.now());
        Tally tally = ledger.tally(load, true);
        Projection.awaitVisible(projection, http, Projection.newestVersions(preload.acks()), Duration.ofMinutes(1));
        Map<String, JsonNode> afterTheKill = everyAnswer(projection);
        JsonNode rebuild = rebuildCleanly(projection);
        Map<String, JsonNode> afterACleanRebuild = everyAnswer(projection);

        FaultReport.write(
                "projection-service SIGKILL during a rebuild",
                load,
                tally,
                true,
                true,
                ("killed with the rebuild %s at %d of %d events; ready again %s and showing every acknowledged"
                                + " command %s after the kill; %d answers compared")
                        .formatted(
                                atKill.get("state").asString(),
                                atKill.get("eventsDone").asLong(),
                                atKill.get("eventsTotal").asLong(),
                                FaultReport.seconds(restart),
                                FaultReport.seconds(converged),
                                afterTheKill.size()));
        long commitments = Stream.concat(preload.acks().stream(), load.acks().stream())
                .map(LoadGenerator.Ack::commitmentId)
                .distinct()
                .count();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(rebuild.get("state").asString())
                .as(rebuild.toString())
                .isEqualTo("DONE");
        softly.assertThat(differences(afterTheKill, afterACleanRebuild))
                .as("answers that differ from a clean rebuild's")
                .isEmpty();
        softly.assertThat(afterTheKill)
                .as("a summary and a timeline per commitment")
                .hasSizeGreaterThan((int) (2 * commitments));
        softly.assertAll();
        tally.assertNothingLostOrDuplicated();
    }

    /**
     * Starts a rebuild and kills the service as soon as the rebuild has applied events but not finished; a rebuild that
     * finished before it could be caught is started again.
     */
    private JsonNode killDuringARebuild(Ledger ledger) throws IOException {
        URI rebuilds = ledger.projectionService().uri().resolve("/api/v1/admin/rebuilds");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(admin.post(rebuilds).statusCode()).isEqualTo(202);
            AtomicReference<JsonNode> status = new AtomicReference<>();
            await("the rebuild to apply events")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        status.set(http.json(current(rebuilds)));
                        return !status.get().get("state").asString().equals("RUNNING")
                                || status.get().get("eventsDone").asLong() > 0;
                    });
            String state = status.get().get("state").asString();
            if (state.equals("RUNNING") || state.equals("SWITCHING")) {
                ledger.projectionService().kill();
                return status.get();
            }
            await("the missed rebuild to end")
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> !List.of("RUNNING", "SWITCHING")
                            .contains(http.json(current(rebuilds)).get("state").asString()));
        }
        throw new AssertionError("five rebuilds in a row ended before one could be killed in the middle");
    }

    /** Runs a rebuild to its end and answers its final status. */
    private JsonNode rebuildCleanly(URI projection) throws IOException {
        URI rebuilds = projection.resolve("/api/v1/admin/rebuilds");
        assertThat(admin.post(rebuilds).statusCode()).isEqualTo(202);
        AtomicReference<JsonNode> status = new AtomicReference<>();
        await("a clean rebuild to end").atMost(Duration.ofMinutes(3)).until(() -> {
            status.set(http.json(current(rebuilds)));
            return List.of("DONE", "FAILED").contains(status.get().get("state").asString());
        });
        return status.get();
    }

    private static URI current(URI rebuilds) {
        return URI.create(rebuilds + "/current");
    }

    /** Every page of the list, every commitment's summary and timeline, and every partnership's overview, by path. */
    private Map<String, JsonNode> everyAnswer(URI projection) throws IOException {
        Map<String, JsonNode> answers = new TreeMap<>();
        List<String> commitments = new ArrayList<>();
        List<String> partnerships = new ArrayList<>();
        for (int page = 0; ; page++) {
            String path = "/api/v1/commitments?size=100&page=" + page;
            JsonNode list = http.json(projection.resolve(path));
            answers.put(path, list);
            if (list.get("items").isEmpty()) {
                break;
            }
            for (JsonNode item : list.get("items")) {
                commitments.add(item.get("commitmentId").asString());
                partnerships.add(item.get("partnershipId").asString());
            }
        }
        for (String commitment : commitments) {
            String path = "/api/v1/commitments/" + commitment;
            answers.put(path, http.json(projection.resolve(path)));
            answers.put(path + "/timeline", http.json(projection.resolve(path + "/timeline")));
        }
        for (String partnership : partnerships.stream().distinct().toList()) {
            String path = "/api/v1/partnerships/" + partnership + "/overview";
            answers.put(path, http.json(projection.resolve(path)));
        }
        return answers;
    }

    private static Map<String, @Nullable JsonNode> differences(Map<String, JsonNode> one, Map<String, JsonNode> other) {
        Map<String, @Nullable JsonNode> differing = new TreeMap<>();
        one.forEach((path, answer) -> {
            if (!answer.equals(other.get(path))) {
                differing.put(path, answer);
            }
        });
        other.keySet().stream().filter(path -> !one.containsKey(path)).forEach(path -> differing.put(path, null));
        return differing;
    }
}
