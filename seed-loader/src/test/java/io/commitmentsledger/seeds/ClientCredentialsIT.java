package io.commitmentsledger.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tokens from the real authorization server, started from its packaged jar as the local stack starts it. */
class ClientCredentialsIT {

    @TempDir
    static Path data;

    static Process server;
    static URI tokenEndpoint;
    static Path clients;

    @BeforeAll
    static void startTheAuthorizationServer() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        clients = data.resolve("clients.properties");
        Files.writeString(clients, """
                ledger.authorization.clients.jp-meti.secret=meti+secret/with:odd=characters
                ledger.authorization.clients.jp-meti.agency=JP/METI
                ledger.authorization.clients.jp-meti.roles=agency
                ledger.authorization.clients.gb-dsit.secret=dsit-secret
                ledger.authorization.clients.gb-dsit.agency=GB/DSIT
                ledger.authorization.clients.gb-dsit.roles=agency
                ledger.authorization.clients.auditor.secret=auditor-secret
                ledger.authorization.clients.auditor.roles=auditor
                """);
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("..", "authorization-server", "target"))) {
            jar = files.filter(file -> file.getFileName().toString().matches("authorization-server-[^-]+.*\\.jar"))
                    .findFirst()
                    .orElseThrow();
        }
        server = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--ledger.parent-pid=" + ProcessHandle.current().pid(),
                        "--ledger.authorization.signing-key-file=" + data.resolve("signing-key.pem"),
                        "--spring.config.import=file:" + clients))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("authorization-server.log").toFile())
                .start();
        tokenEndpoint = URI.create("http://localhost:" + port + "/oauth2/token");
        URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
        await().atMost(Duration.ofMinutes(1)).until(() -> server.isAlive() && answers(readiness));
    }

    @AfterAll
    static void stopIt() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void fetchesEachPartysTokenOnceAndReusesIt() throws Exception {
        ClientCredentials credentials = ClientCredentials.fromProperties(tokenEndpoint, clients);

        String meti = credentials.token("JP/METI");
        String dsit = credentials.token("GB/DSIT");
        String auditor = credentials.token("auditor");

        assertThat(credentials.token("JP/METI")).isEqualTo(meti);
        assertThat(credentials.authorization("GB/DSIT")).isEqualTo("Bearer " + dsit);
        assertThat(claims(meti).get("agency").asString()).isEqualTo("JP/METI");
        assertThat(claims(meti).get("sub").asString()).isEqualTo("jp-meti");
        assertThat(claims(dsit).get("agency").asString()).isEqualTo("GB/DSIT");
        assertThat(claims(auditor).has("agency")).isFalse();
        assertThat(claims(auditor).get("roles").get(0).asString()).isEqualTo("auditor");
    }

    @Test
    void fetchesAnotherTokenOnceTheCachedOneIsWithinItsRenewalMargin() {
        // A margin as long as the tokens' lifetime: every token is due for renewal at once.
        ClientCredentials credentials = new ClientCredentials(
                tokenEndpoint,
                Map.of("GB/DSIT", new ClientCredentials.Client("gb-dsit", "dsit-secret")),
                HttpClient.newHttpClient(),
                Clock.systemUTC(),
                Duration.ofMinutes(5));

        String first = credentials.token("GB/DSIT");

        assertThat(credentials.token("GB/DSIT")).isNotEqualTo(first);
    }

    @Test
    void manyThreadsAskingAtOnceShareOneToken() throws Exception {
        ClientCredentials credentials = ClientCredentials.fromProperties(tokenEndpoint, clients);
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                answers.add(threads.submit(() -> credentials.token("JP/METI")));
            }
            Map<String, Boolean> distinct = new ConcurrentHashMap<>();
            for (Future<String> answer : answers) {
                distinct.put(answer.get(), true);
            }
            assertThat(distinct).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void saysWhichClientTheServerRefused() {
        ClientCredentials credentials = new ClientCredentials(
                tokenEndpoint, Map.of("GB/DSIT", new ClientCredentials.Client("gb-dsit", "not-the-secret")));

        assertThatThrownBy(() -> credentials.token("GB/DSIT"))
                .hasMessageContaining("refused the client gb-dsit: 401 invalid_client")
                .hasMessageNotContaining("not-the-secret");
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonMapper.builder()
                .build()
                .readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static boolean answers(URI readiness) {
        try {
            return HttpClient.newHttpClient()
                            .send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding())
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
