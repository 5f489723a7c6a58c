package io.commitmentsledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.security.testing.TestIssuer;
import io.commitmentsledger.seeds.SeedLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The repository's seeds load into the running service without a rejection, and loading them again changes nothing. */
@LedgerIntegrationTest
class SeedsIT {

    static final Path SEEDS = Path.of("..", "seeds");

    @LocalServerPort
    int port;

    @Test
    void loadsTheSeedsOnceAndReplaysThemTheSecondTime() {
        URI base = URI.create("http://localhost:" + port);
        int commands = SeedLoader.readSeeds(SEEDS).size();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        SeedLoader.Result first = SeedLoader.load(base, SEEDS, out, TestIssuer::agency);
        assertThat(first.rejected())
                .as(printed.toString(StandardCharsets.UTF_8))
                .isEmpty();
        assertThat(first.commands()).isEqualTo(commands);
        assertThat(first.recorded()).isEqualTo(commands);
        assertThat(first.replayed()).isZero();

        SeedLoader.Result second = SeedLoader.load(base, SEEDS, out, TestIssuer::agency);
        assertThat(second.rejected())
                .as(printed.toString(StandardCharsets.UTF_8))
                .isEmpty();
        assertThat(second.recorded()).isZero();
        assertThat(second.replayed()).isEqualTo(commands);

        LedgerClient client = new LedgerClient(port);
        JsonNode events = client.get("/api/v1/commitments/jpuk-2024-semiconductor-workshop/events")
                .json()
                .get("events");
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("type").asString()));
        assertThat(types).containsExactly("CommitmentAgreed", "WorkshopScheduled");
        JsonNode workshop = events.get(1).get("payload");
        assertThat(workshop.get("workshopId").asString()).isEqualTo("semiconductor-workshop-2024-q1");
        assertThat(workshop.get("window").get("start").asString()).isEqualTo("2024-01-01");
        assertThat(workshop.get("window").get("end").asString()).isEqualTo("2024-03-31");
        assertThat(events.get(1).get("occurredOn").asString()).isEqualTo("2024-01-16");

        JsonNode confirmed = client.get("/api/v1/commitments/jpuk-2024-data-dfft-iap/events")
                .json()
                .get("events");
        List<String> actors = new ArrayList<>();
        confirmed.forEach(event -> actors.add(
                event.get("type").asString() + " " + event.get("actor").asString()));
        assertThat(actors)
                .containsExactly(
                        "CommitmentAgreed JP/METI", "CommitmentConfirmed JP/METI", "CommitmentConfirmed GB/DSIT");
    }
}
