package io.commitmentsledger.projection.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real authorization server (module {@code authorization-server}), run from its packaged jar in a child JVM, as
 * {@code ./run-ledger} runs it: tests that cross processes get their tokens from it with the client-credentials grant,
 * and the services they start trust it ({@link #serviceArguments}). Its clients are the local stack's (an agency
 * client per seed agency, an auditor and an admin) and one agency of neither party ({@code FR/MEAE}), with secrets
 * generated for this run, and its signing key is created on start under {@code target/<name>}.
 */
public final class AuthorizationServerProcess implements AutoCloseable {

    private static final Path TARGET = Path.of("..", "authorization-server", "target");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Tokens live five minutes; one is reused while it has more than two minutes left, as a client caches it. */
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(2);

    /** Client id, agency (null for the auditor and the admin) and role, as the local stack's roster has them. */
    private record Client(String id, @Nullable String agency, String role) {}

    private static final List<Client> CLIENTS = List.of(
            new Client("jp-meti", "JP/METI", "agency"),
            new Client("jp-mic", "JP/MIC", "agency"),
            new Client("jp-digital", "JP/DIGITAL", "agency"),
            new Client("gb-dsit", "GB/DSIT", "agency"),
            // not of the local stack: an agency of neither party of the tests' commitments, to be refused
            new Client("fr-meae", "FR/MEAE", "agency"),
            new Client("auditor", null, "auditor"),
            new Client("admin", null, "admin"));

    private record Token(String authorization, Instant expiresAt) {}

    private final Process process;
    private final int port;
    private final Map<String, String> secrets;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private AuthorizationServerProcess(Process process, int port, Map<String, String> secrets) {
        this.process = process;
        this.port = port;
        this.secrets = secrets;
    }

    /** Starts it afresh and waits until it is ready; {@code name} keeps its key, clients and log apart. */
    public static AuthorizationServerProcess start(String name) {
        try {
            int port = freePort();
            Path directory = Path.of("target", name);
            FileSystemUtils.deleteRecursively(directory);
            Files.createDirectories(directory);
            Map<String, String> secrets = new LinkedHashMap<>();
            Path clients = writeClients(directory, secrets);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-jar",
                    jar().toString(),
                    "--server.port=" + port,
                    "--ledger.parent-pid=" + ProcessHandle.current().pid(),
                    "--ledger.authorization.issuer=http://localhost:" + port,
                    "--ledger.authorization.signing-key-file="
                            + directory.resolve("signing-key.pem").toAbsolutePath(),
                    "--spring.config.import=file:" + clients.toAbsolutePath()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            directory.resolve("authorization-server.log").toFile())
                    .start();
            AuthorizationServerProcess server = new AuthorizationServerProcess(process, port, secrets);
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "the authorization server exited; see " + directory.resolve("authorization-server.log"));
                }
                try {
                    return server.get("/actuator/health/readiness").statusCode() == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tokens' {@code iss}, which the services' issuer-uri must equal. */
    public String issuer() {
        return "http://localhost:" + port;
    }

    /** The arguments that make a service trust this server's tokens. */
    public List<String> serviceArguments() {
        return List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer() + "/oauth2/jwks");
    }

    /** Whether it has a client for this agency ({@code JP/METI}) or role ({@code auditor}, {@code admin}). */
    public boolean knows(String agencyOrRole) {
        return CLIENTS.stream()
                .anyMatch(client -> agencyOrRole.equals(client.agency()) || agencyOrRole.equals(client.id()));
    }

    /** {@code Bearer <token>} of an agency ({@code JP/METI}), the {@code auditor} or the {@code admin}. */
    public String bearer(String agencyOrRole) {
        String clientId = CLIENTS.stream()
                .filter(client -> agencyOrRole.equals(client.agency()) || agencyOrRole.equals(client.id()))
                .map(Client::id)
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("the authorization server has no client for " + agencyOrRole));
        Instant now = Instant.now();
        return tokens.compute(
                        clientId,
                        (id, known) -> known != null && known.expiresAt().isAfter(now.plus(REFRESH_BEFORE_EXPIRY))
                                ? known
                                : requestToken(id, now))
                .authorization();
    }

    /** The client-credentials grant, as an agency system asks for a token (client_secret_basic). */
    private Token requestToken(String clientId, Instant now) {
        String basic = Base64.getEncoder()
                .encodeToString((clientId + ":" + secrets.get(clientId)).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                            .header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "the token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode token = JSON.readTree(response.body());
            return new Token(
                    "Bearer " + token.get("access_token").asString(),
                    now.plusSeconds(token.get("expires_in").asLong()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(issuer() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The clients with a new random secret each, readable by this user only, as ./run-ledger writes them. */
    private static Path writeClients(Path directory, Map<String, String> secrets) throws IOException {
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder("# generated for one test run\n");
        for (Client client : CLIENTS) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            secrets.put(client.id(), secret);
            String prefix = "ledger.authorization.clients." + client.id();
            text.append(prefix).append(".secret=").append(secret).append('\n');
            if (client.agency() != null) {
                text.append(prefix).append(".agency=").append(client.agency()).append('\n');
            }
            text.append(prefix).append(".roles=").append(client.role()).append('\n');
        }
        Path file = directory.resolve("clients.properties");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text);
        return file;
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> jars = files.filter(file ->
                            file.getFileName().toString().matches("authorization-server-[^-]+.*(?<!-plain)\\.jar"))
                    .toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected authorization-server's jar in " + TARGET.toAbsolutePath()
                        + "; build from the repository root (./mvnw verify) so it is packaged first");
            }
            return jars.get(0);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("authorization-server is not built; run ./mvnw verify from the root", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
