package io.commitmentsledger.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged server ends when the process that launched it ends, as the local stack relies on. */
class LauncherWatchIT {

    @TempDir
    Path data;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void stopsWhenItsLauncherIsKilled() throws Exception {
        // A stand-in launcher that waits until it is killed.
        Process launcher = start(List.of("sleep", "600"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--ledger.parent-pid=" + launcher.pid(),
                "--ledger.authorization.signing-key-file=" + data.resolve("signing-key.pem")));
        // The jar holds no test resources: the clients from the test classpath's file.
        command.add("--spring.config.import=file:"
                + Path.of("target/test-classes/clients-test.properties").toAbsolutePath());
        Process server = start(command);
        await().atMost(Duration.ofMinutes(1)).until(() -> ready(port));

        launcher.destroyForcibly();

        assertThat(server.waitFor(20, TimeUnit.SECONDS))
                .as("the server stopped after its launcher")
                .isTrue();
    }

    private Process start(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        data.resolve("process-" + started.size() + ".log").toFile())
                .start();
        started.add(process);
        return process;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("authorization-server-[^-]+.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("package authorization-server first"));
        }
    }

    private static boolean ready(int port) {
        try {
            return HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://localhost:" + port + "/actuator/health/readiness"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
