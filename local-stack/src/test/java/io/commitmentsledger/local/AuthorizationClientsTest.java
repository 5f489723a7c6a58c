package io.commitmentsledger.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commitmentsledger.seeds.ClientCredentials;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizationClientsTest {

    @TempDir
    Path data;

    @Test
    void writesASecretForEveryClientReadableByItsOwnerOnlyAndKeepsThemOnTheNextStart() throws Exception {
        AuthorizationClients first = AuthorizationClients.ensure(data);
        String secret = first.secret("gb-dsit");
        AuthorizationClients second = AuthorizationClients.ensure(data);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(first.file()).isEqualTo(data.resolve("authorization/clients.properties"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file())))
                .isEqualTo("rw-------");
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(second.secret("gb-dsit")).isEqualTo(secret);
        assertThat(AuthorizationClients.ROSTER.stream().map(client -> first.secret(client.id())))
                .doesNotContainNull()
                .doesNotHaveDuplicates()
                .hasSize(6);
        try (var files = Files.list(first.file().getParent())) {
            assertThat(files).containsExactly(first.file());
        }
    }

    @Test
    void namesEachClientUnderItsAgencyOrRoleForTheSeedLoader() throws Exception {
        AuthorizationClients clients = AuthorizationClients.ensure(data);

        ClientCredentials credentials =
                ClientCredentials.fromProperties(URI.create("http://localhost:9000/oauth2/token"), clients.file());

        assertThat(credentials.parties())
                .containsExactlyInAnyOrder("JP/METI", "JP/MIC", "JP/DIGITAL", "GB/DSIT", "auditor", "admin");
    }

    @Test
    void addsAClientTheFileLacksAndKeepsTheOthersSecrets() throws Exception {
        AuthorizationClients clients = AuthorizationClients.ensure(data);
        String meti = clients.secret("jp-meti");
        String withoutAdmin = Files.readAllLines(clients.file()).stream()
                .filter(line -> !line.contains(".admin."))
                .reduce("", (all, line) -> all + line + "\n");
        Files.writeString(clients.file(), withoutAdmin);

        AuthorizationClients.ensure(data);

        assertThat(clients.secret("jp-meti")).isEqualTo(meti);
        assertThat(clients.secret("admin")).isNotBlank();
    }

    @Test
    void refusesAFileOthersMayRead() throws Exception {
        AuthorizationClients clients = AuthorizationClients.ensure(data);
        Files.setPosixFilePermissions(clients.file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> AuthorizationClients.ensure(data)).hasMessageContaining("chmod 600");
    }
}
