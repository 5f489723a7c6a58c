package io.commitmentsledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.security.testing.TestIssuer;
import io.commitmentsledger.seeds.SeedLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A ledger that loaded the seeds as first published (with invented targets and days) is corrected by loading today's
 * seeds: correction events with reasons are appended, nothing is rewritten, and loading again records nothing.
 *
 * <p>The commitments are renamed ({@code jpuk-} becomes {@code published-jpuk-}, in ids, paths and idempotency keys)
 * so that this test and {@code SeedsIT} do not meet in the shared test database.
 */
@LedgerIntegrationTest
class SeedCorrectionsIT {

    static final Path PUBLISHED_2024 = Path.of("..", "seed-loader", "src", "test", "resources", "seeds-published-2024");

    @LocalServerPort
    int port;

    @TempDir
    Path work;

    @Test
    void correctsALedgerHoldingThePublishedSeedsByNewEventsWithReasons() throws IOException {
        Path published = renamed(PUBLISHED_2024, work.resolve("published"));
        Path today = renamed(SeedsIT.SEEDS, work.resolve("today"));
        URI base = URI.create("http://localhost:" + port);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        SeedLoader.Result earlier = SeedLoader.load(base, published, out, TestIssuer::agency);
        assertThat(earlier.rejected())
                .as(printed.toString(StandardCharsets.UTF_8))
                .isEmpty();
        List<String> before = types("published-jpuk-2022-digital-government-moc");

        SeedLoader.Result corrected = SeedLoader.load(base, today, out, TestIssuer::agency);
        assertThat(corrected.rejected())
                .as(printed.toString(StandardCharsets.UTF_8))
                .isEmpty();
        assertThat(corrected.superseded()).isEqualTo(11);
        assertThat(corrected.recorded())
                .as("one correction event per invented date")
                .isEqualTo(13);

        SeedLoader.Result again = SeedLoader.load(base, today, out, TestIssuer::agency);
        assertThat(again.rejected()).isEmpty();
        assertThat(again.recorded()).isZero();

        JsonNode moc = events("published-jpuk-2022-digital-government-moc");
        assertThat(types("published-jpuk-2022-digital-government-moc"))
                .startsWith(before.toArray(String[]::new))
                .containsExactly("CommitmentAgreed", "AgreementDateCorrected", "TargetAmended");
        assertThat(moc.get(0).at("/payload/occurredOn").asString())
                .as("the agreement stays as recorded")
                .isEqualTo("2022-12-31");
        assertThat(moc.get(1).at("/payload/agreedOn").asString()).isEqualTo("2022");
        assertThat(moc.get(1).at("/payload/previousAgreedOn").asString()).isEqualTo("2022-12-31");
        assertThat(moc.get(1).at("/payload/reason").asString()).contains("concluded in 2022");
        assertThat(moc.get(2).at("/payload/previousTarget").asString()).isEqualTo("2024-12-31");
        assertThat(moc.get(2).at("/payload/newTarget").isNull()).isTrue();
        assertThat(moc.get(2).at("/payload/reason").asString()).startsWith("The source gives no date");

        assertThat(types("published-jpuk-2024-data-dfft-iap"))
                .containsExactly("CommitmentAgreed", "CommitmentConfirmed", "CommitmentConfirmed", "TargetAmended");
        assertThat(types("published-jpuk-2024-semiconductor-workshop"))
                .as("the workshop's target is the text's own: nothing to correct")
                .containsExactly("CommitmentAgreed", "WorkshopScheduled");
    }

    private List<String> types(String commitmentId) {
        List<String> types = new ArrayList<>();
        events(commitmentId).forEach(event -> types.add(event.get("type").asString()));
        return types;
    }

    private JsonNode events(String commitmentId) {
        return new LedgerClient(port)
                .get("/api/v1/commitments/" + commitmentId + "/events")
                .json()
                .get("events");
    }

    /** A copy of the seed files with every commitment (and so every command id) renamed. */
    private static Path renamed(Path seeds, Path copy) throws IOException {
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.walk(seeds)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.writeString(
                        copy.resolve(file.getFileName()), Files.readString(file).replace("jpuk-", "published-jpuk-"));
            }
        }
        return copy;
    }
}
