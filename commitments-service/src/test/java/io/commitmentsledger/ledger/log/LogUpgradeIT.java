package io.commitmentsledger.ledger.log;

import static io.commitmentsledger.ledger.support.LedgerClient.progressBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.log.NoteSigner;
import io.commitmentsledger.ledger.CommitmentsServiceApplication;
import io.commitmentsledger.ledger.support.KafkaBrokerProcess;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.web.openapi.Coverage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ledger that recorded and published events before it had a log (an upgrade from an earlier version) logs them
 * before anything new, in the order they were published, so its commitments verify and new events chain onto them.
 * The earlier version is simulated by emptying the log's tables with the triggers off, after the publisher has gone
 * past the events. Its own applications, database and broker (the {@code own-application} failsafe execution).
 */
@ExtendWith(Coverage.class)
class LogUpgradeIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static final KafkaBrokerProcess BROKER = KafkaBrokerProcess.format(
                    Path.of("target/it-kafka-upgrade-" + ProcessHandle.current().pid()))
            .start();

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    private static ConfigurableApplicationContext start(boolean cleanStart, String signingKey) {
        return new SpringApplicationBuilder(CommitmentsServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--ledger.embedded-postgres.enabled=true",
                        "--ledger.embedded-postgres.data-directory=target/it-postgres-upgrade",
                        "--ledger.embedded-postgres.clean-start=" + cleanStart,
                        "--spring.kafka.bootstrap-servers=" + BROKER.bootstrapServers(),
                        "--ledger.log.signing-key=" + signingKey);
    }

    @Test
    void eventsPublishedBeforeTheLogExistedAreLoggedFirstInPublicationOrder() throws SQLException {
        String key = NoteSigner.generate("upgrade.example/log");
        String first;
        String second;
        try (ConfigurableApplicationContext before = start(true, key)) {
            LedgerClient client = new LedgerClient(port(before));
            first = client.agreeNew("upgrade-first");
            second = client.agreeNew("upgrade-second");
            assertThat(client.post("/api/v1/commitments/" + first + "/progress-reports", progressBody("before"))
                            .status())
                    .isEqualTo(200);
            LogTree tree = before.getBean(LogTree.class);
            await().atMost(WITHIN).until(() -> tree.size() == 3);
            forgetTheLog(before);
        }

        try (ConfigurableApplicationContext after = start(false, key)) {
            LedgerClient client = new LedgerClient(port(after));
            assertThat(client.post("/api/v1/commitments/" + second + "/progress-reports", progressBody("after"))
                            .status())
                    .isEqualTo(200);
            String third = client.agreeNew("upgrade-third");

            LogTree tree = after.getBean(LogTree.class);
            await().atMost(WITHIN).until(() -> tree.size() == 5);
            JdbcClient jdbc = after.getBean(JdbcClient.class);
            List<Long> globalOrderOfTheLog = jdbc.sql("""
                            SELECT e.global_index FROM log_entry l
                            JOIN domain_event_entry e ON e.event_identifier = l.event_identifier
                            ORDER BY l.log_index""").query(Long.class).list();
            assertThat(globalOrderOfTheLog).isSorted().hasSize(5);

            CommitmentVerification verification = after.getBean(CommitmentVerification.class);
            Checkpoints checkpoints = after.getBean(Checkpoints.class);
            await().atMost(WITHIN).until(() -> checkpoints.at(5).isPresent());
            for (String id : List.of(first, second, third)) {
                var outcome = verification.verify(id).orElseThrow();
                assertThat(outcome.verified())
                        .as("%s: %s", id, outcome.reason())
                        .isTrue();
            }
        }
    }

    /** What a ledger of the version before the log holds: its events, published, and empty log tables. */
    private static void forgetTheLog(ConfigurableApplicationContext context) throws SQLException {
        try (Connection connection = context.getBean(DataSource.class).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("DELETE FROM log_checkpoint");
            statement.execute("DELETE FROM log_subtree");
            statement.execute("DELETE FROM log_entry");
            statement.execute("RESET session_replication_role");
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
