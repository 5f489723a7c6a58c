package io.commitmentsledger.faults.support;

import static org.awaitility.Awaitility.await;

import io.commitmentsledger.local.AuthorizationClients;
import io.commitmentsledger.seeds.ClientCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The real authorization server from its packaged jar in a child JVM, as the local stack runs it: the local stack's
 * clients with secrets generated into the scenario directory, and a signing key it creates there. The services check
 * their callers' tokens against it; the load and the checks fetch theirs from it.
 */
public final class AuthorizationServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final int port = Processes.freePort();
    private final Path log;
    private final AuthorizationClients clients;
    private final List<String> command;
    private final ClientCredentials credentials;
    private @Nullable Process process;

    private AuthorizationServerProcess(Path directory) throws IOException {
        this.log = directory.resolve("authorization-server.log");
        this.clients = AuthorizationClients.ensure(directory);
        this.command = new ArrayList<>(Processes.java(
                "-jar",
                ServiceProcess.jar("authorization-server").toString(),
                "--server.port=" + port,
                "--ledger.parent-pid=" + ProcessHandle.current().pid(),
                "--ledger.authorization.issuer=" + issuer(),
                "--ledger.authorization.signing-key-file="
                        + directory.resolve(AuthorizationClients.DIRECTORY).resolve("signing-key.pem"),
                "--spring.config.import=file:" + clients.file()));
        this.credentials = ClientCredentials.fromProperties(URI.create(issuer() + "/oauth2/token"), clients.file());
    }

    /** Starts the server for a scenario whose files are in {@code directory}, and waits until it is ready. */
    public static AuthorizationServerProcess start(Path directory) {
        try {
            AuthorizationServerProcess server = new AuthorizationServerProcess(directory);
            server.process = new ProcessBuilder(server.command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(server.log.toFile()))
                    .start();
            Http http = new Http(Duration.ofSeconds(2));
            URI readiness = URI.create(server.issuer() + "/actuator/health/readiness");
            Process started = server.process;
            await("the authorization server to be ready").atMost(START_TIMEOUT).until(() -> {
                if (!started.isAlive()) {
                    throw new IllegalStateException("the authorization server exited; see " + server.log);
                }
                return http.status(readiness) == 200;
            });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tokens' issuer, {@code http://localhost:<port>}, as the services are told. */
    public String issuer() {
        return "http://localhost:" + port;
    }

    /** What a service needs to check tokens from this server. */
    public List<String> resourceServerArguments() {
        return List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer() + "/oauth2/jwks");
    }

    /** Tokens for each seed agency ({@code JP/METI}, ...), {@code auditor} and {@code admin}. */
    public ClientCredentials credentials() {
        return credentials;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                Processes.kill(process.toHandle());
            }
            process = null;
        }
    }
}
