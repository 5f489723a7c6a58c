package io.commitmentsledger.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCredentialsTest {

    static final URI TOKEN_ENDPOINT = URI.create("http://localhost:9000/oauth2/token");

    @TempDir
    Path directory;

    @Test
    void readsEachClientUnderItsAgencyOrItsRoles() throws Exception {
        Path file = directory.resolve("clients.properties");
        Files.writeString(file, """
                # written by the local stack
                ledger.authorization.clients.jp-meti.secret=s1
                ledger.authorization.clients.jp-meti.agency=JP/METI
                ledger.authorization.clients.jp-meti.roles=agency
                ledger.authorization.clients.auditor.secret=s2
                ledger.authorization.clients.auditor.roles=auditor
                ledger.authorization.clients.admin.secret=s3
                ledger.authorization.clients.admin.roles=admin
                ledger.authorization.token-lifetime=5m
                """);

        ClientCredentials credentials = ClientCredentials.fromProperties(TOKEN_ENDPOINT, file);

        assertThat(credentials.parties()).containsExactlyInAnyOrder("JP/METI", "auditor", "admin");
        assertThatThrownBy(() -> credentials.token("GB/DSIT")).hasMessageContaining("no client acts as GB/DSIT");
    }

    @Test
    void refusesAClientWithoutASecret() throws Exception {
        Path file = directory.resolve("clients.properties");
        Files.writeString(file, "ledger.authorization.clients.jp-meti.agency=JP/METI\n");

        assertThatThrownBy(() -> ClientCredentials.fromProperties(TOKEN_ENDPOINT, file))
                .hasMessageContaining("gives the client jp-meti no secret");
    }

    @Test
    void keepsTheSecretOutOfItsDescription() {
        assertThat(new ClientCredentials.Client("jp-meti", "very-secret").toString())
                .doesNotContain("very-secret");
    }
}
