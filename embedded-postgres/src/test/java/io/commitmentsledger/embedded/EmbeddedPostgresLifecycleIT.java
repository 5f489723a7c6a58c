package io.commitmentsledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL lives and dies with the service that started it, against real processes: a service JVM
 * killed with SIGKILL, a server left behind by a killed service, a launcher that ends, a server that dies.
 */
class EmbeddedPostgresLifecycleIT {

    private static final Path DATA =
            Path.of("target", "lifecycle-it-" + ProcessHandle.current().pid());

    @Test
    void aServiceKilledWithSigkillTakesItsPostgresAlongAndTheNextStartSucceeds() throws Exception {
        Path data = DATA.resolve("killed");
        ProcessHandle postgres;
        try (ChildService service = ChildService.start(data)) {
            record(service, "before the kill");
            postgres = service.postmaster().orElseThrow();

            service.kill();

            await().atMost(Duration.ofSeconds(10)).until(() -> !postgres.isAlive());
        }
        try (ChildService next = ChildService.start(data)) {
            assertThat(recorded(next)).containsExactly("before the kill");
        }
    }

    @Test
    void aServerLeftRunningByAKilledServiceIsStoppedByTheNextStart() throws Exception {
        Path data = DATA.resolve("stale");
        ProcessHandle stale;
        try (ChildService service = ChildService.start(data)) {
            record(service, "before the kill");
            stale = service.postmaster().orElseThrow();
            // everything the service JVM started dies with it, as with `kill -9` of its process group; the
            // daemonised postmaster (parent 1) is not among them and stays
            service.process().descendants().forEach(ProcessHandle::destroyForcibly);
            service.kill();
            assertThat(stale.isAlive())
                    .as("the server outlives its killed service")
                    .isTrue();
        }
        try (ChildService next = ChildService.start(data)) {
            assertThat(next.output())
                    .contains("Stopping the PostgreSQL (pid " + stale.pid() + ") that a killed process left running");
            assertThat(stale.isAlive()).isFalse();
            assertThat(recorded(next)).containsExactly("before the kill");
        }
    }

    @Test
    void aServiceStopsWithItsPostgresWhenTheProcessThatLaunchedItEnds() throws Exception {
        Process launcher = new ProcessBuilder("sleep", "600").start();
        try (ChildService service =
                ChildService.start(DATA.resolve("orphaned"), "--ledger.parent-pid=" + launcher.pid())) {
            ProcessHandle postgres = service.postmaster().orElseThrow();

            launcher.destroyForcibly();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !service.process().isAlive());
            await().atMost(Duration.ofSeconds(10)).until(() -> !postgres.isAlive());
            assertThat(service.output()).contains("has ended: stopping");
        } finally {
            launcher.destroyForcibly();
        }
    }

    @Test
    void aServerThatDiesIsRestartedOnTheSameDataAndPort() throws Exception {
        try (ChildService service = ChildService.start(DATA.resolve("restarted"))) {
            record(service, "before the crash");
            ProcessHandle postgres = service.postmaster().orElseThrow();

            postgres.destroyForcibly();

            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> service.postmaster().map(ProcessHandle::pid).orElse(postgres.pid()) != postgres.pid()
                            && recorded(service).contains("before the crash"));
            assertThat(service.process().isAlive()).isTrue();
            assertThat(service.output()).contains("has died; restarting it");
        }
    }

    private static void record(ChildService service, String note) throws SQLException {
        try (Connection connection = service.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS notes (note text)");
            statement.execute("INSERT INTO notes VALUES ('" + note + "')");
        }
    }

    private static java.util.List<String> recorded(ChildService service) throws SQLException {
        try (Connection connection = service.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT note FROM notes")) {
            java.util.List<String> notes = new java.util.ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            return notes;
        }
    }
}
