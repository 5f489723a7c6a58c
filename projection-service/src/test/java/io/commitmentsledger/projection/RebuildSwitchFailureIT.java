package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.FAR_AHEAD;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.projection.store.Generation;
import io.commitmentsledger.projection.store.Generations;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/**
 * Defect 4 of issue 10: when dropping the old generation fails after the pointer has switched, the new generation,
 * which now answers every query, must survive. Dropping fails for real here: another connection holds a lock on the
 * old generation's table for longer than the drop waits.
 */
@ProjectionIntegrationTest
class RebuildSwitchFailureIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    Generations generations;

    @Test
    void keepsTheNewGenerationAnsweringWhenTheOldOneCannotBeDropped() throws Exception {
        Http http = new Http(port);
        CommitmentId id = newId("switch-failure");
        try (LedgerTopic topic = new LedgerTopic(brokers)) {
            topic.publish(agreed(id, "jp-uk-digital-partnership", "ai", "Survives a failed drop", FAR_AHEAD), 0);
        }
        http.awaitVersion(id, 0);
        Generation old = generations.active();

        JsonNode finished;
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement lock = reader.createStatement()) {
                lock.execute("LOCK TABLE " + old.schema() + ".commitment_summary IN ACCESS SHARE MODE");
            }
            assertThat(http.post("/api/v1/admin/rebuilds").status()).isEqualTo(202);
            finished = await().atMost(WITHIN)
                    .until(
                            () -> http.get("/api/v1/admin/rebuilds/current").json(),
                            status -> !status.get("finishedAt").isNull()
                                    && !generations.active().equals(old));
            // the rebuild is done; dropping the generation it replaced still waits behind the lock, then gives up
            await().atMost(WITHIN).until(() -> schemaExists(old) && !dropInProgress(old));
            reader.rollback();
        }

        Generation rebuilt = new Generation(finished.get("generation").asString());
        assertThat(generations.active()).isEqualTo(rebuilt);
        assertThat(schemaExists(rebuilt)).as("the active generation's schema").isTrue();
        assertThat(http.get("/api/v1/commitments/" + id).status()).isEqualTo(200);
        assertThat(finished.get("state").asString()).isEqualTo("DONE");
        assertThat(generations.leftovers()).contains(old);

        generations.dropLeftovers();
        assertThat(generations.leftovers()).isEmpty();
        assertThat(schemaExists(old)).isFalse();
        assertThat(http.get("/api/v1/commitments/" + id).status()).isEqualTo(200);
    }

    private boolean schemaExists(Generation generation) {
        return JdbcClient.create(dataSource)
                        .sql("SELECT count(*) FROM pg_namespace WHERE nspname = ?")
                        .param(generation.schema())
                        .query(Long.class)
                        .single()
                == 1;
    }

    /** Whether some connection is still waiting to drop the generation's schema. */
    private boolean dropInProgress(Generation generation) {
        return JdbcClient.create(dataSource)
                        .sql("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE ?")
                        .param("DROP SCHEMA IF EXISTS " + generation.schema() + "%")
                        .query(Long.class)
                        .single()
                > 0;
    }
}
