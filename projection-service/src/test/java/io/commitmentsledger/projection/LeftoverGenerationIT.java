package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.FAR_AHEAD;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.projection.store.Generation;
import io.commitmentsledger.projection.store.Generations;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.Http.Response;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.TestLedgerKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.util.FileSystemUtils;

/**
 * Defect 11 of issue 10: a rebuild interrupted before it switched (the process killed) leaves its half-built
 * generation behind. The next start removes it and keeps the active one; and before any rebuild has run, the rebuild
 * resource answers 404 of its own type, not commitment-not-found.
 */
// its own property: the other ITs' cached contexts find their broker under spring.embedded.kafka.brokers
@EmbeddedKafka(
        topics = {EventTypes.DEFAULT_TOPIC, EventTypes.DEFAULT_TOPIC + ".DLT"},
        bootstrapServersProperty = "leftover.kafka.brokers")
class LeftoverGenerationIT {

    private static final Path DATA = Path.of("target/it-leftover-postgres");

    @Test
    void removesAHalfBuiltGenerationAtStartUpAndKeepsTheActiveOne(EmbeddedKafkaBroker broker) throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
        CommitmentId id = newId("leftover");
        Generation active;
        Generation halfBuilt;
        try (ConfigurableApplicationContext first = start(broker)) {
            try (LedgerTopic topic = new LedgerTopic(broker.getBrokersAsString())) {
                topic.publish(agreed(id, "jp-uk-digital-partnership", "data", "Kept across restarts", FAR_AHEAD), 0);
            }
            http(first).awaitVersion(id, 0);
            Generations generations = first.getBean(Generations.class);
            active = generations.active();
            // what a rebuild killed half-way leaves: a new generation, partly filled, never activated
            halfBuilt = generations.create();
            jdbc(first)
                    .sql("INSERT INTO " + halfBuilt.schema() + ".commitment_summary SELECT * FROM " + active.schema()
                            + ".commitment_summary")
                    .update();
            assertThat(schemas(first)).containsExactlyInAnyOrder(active.schema(), halfBuilt.schema());
        }

        try (ConfigurableApplicationContext second = start(broker)) {
            assertThat(schemas(second)).containsExactly(active.schema());
            assertThat(second.getBean(Generations.class).active()).isEqualTo(active);
            Http http = http(second);
            assertThat(http.get("/api/v1/commitments/" + id).status()).isEqualTo(200);

            Response noRebuild = http.get("/api/v1/admin/rebuilds/current");
            assertThat(noRebuild.status()).isEqualTo(404);
            assertThat(noRebuild.contentType()).startsWith("application/problem+json");
            assertThat(noRebuild.json().get("type").asString())
                    .isEqualTo("https://commitments-ledger.dev/problems/rebuild-not-found");
        }
    }

    /** projection-service on a random port, with its embedded PostgreSQL keeping its data between starts. */
    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker) {
        // arguments, not default properties: they must win over application.yml
        return new SpringApplicationBuilder(ProjectionServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--ledger.embedded-postgres.enabled=true",
                        "--ledger.embedded-postgres.data-directory=" + DATA,
                        "--ledger.embedded-postgres.clean-start=false",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--ledger.log.verifier-keys=" + TestLedgerKey.verifierKey());
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class);
    }

    private static List<String> schemas(ConfigurableApplicationContext context) {
        return jdbc(context)
                .sql("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'read_model_%'")
                .query(String.class)
                .list();
    }
}
