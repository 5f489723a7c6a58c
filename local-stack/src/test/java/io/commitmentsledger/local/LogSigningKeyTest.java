package io.commitmentsledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.log.NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSigningKeyTest {

    @TempDir
    Path data;

    @Test
    void createsAnOwnerOnlyKeyOnTheFirstStartAndKeepsItAfterwards() throws Exception {
        LogSigningKey first = LogSigningKey.ensure(data, "ledger.test/log");

        assertThat(first.created()).isTrue();
        assertThat(first.file()).isEqualTo(data.resolve("log-signing.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file())))
                .isEqualTo("rw-------");
        NoteSigner signer = NoteSigner.parse(Files.readString(first.file()));
        assertThat(signer.name()).isEqualTo("ledger.test/log");
        assertThat(first.verifierKey()).isEqualTo(signer.verifier().verifierKey());
        assertThat(Files.readString(first.verifierFile()).strip()).isEqualTo(first.verifierKey());

        LogSigningKey second = LogSigningKey.ensure(data, "another.origin/log");

        assertThat(second.created()).isFalse();
        assertThat(second.verifierKey()).isEqualTo(first.verifierKey());
    }
}
