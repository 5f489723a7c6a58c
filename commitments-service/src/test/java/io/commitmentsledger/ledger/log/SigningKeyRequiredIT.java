package io.commitmentsledger.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commitmentsledger.contracts.log.NoteSigner;
import io.commitmentsledger.ledger.CommitmentsServiceApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The whole service refuses to start without a usable signing key, and says why in Spring Boot's start-up report.
 * Runs in the {@code own-application} failsafe execution: each start is an Axon application of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeyRequiredIT {

    @TempDir
    Path directory;

    private static void start(String keyArgument) {
        new SpringApplicationBuilder(CommitmentsServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--ledger.embedded-postgres.enabled=true",
                        "--ledger.embedded-postgres.data-directory=target/it-postgres-signing-key",
                        "--ledger.embedded-postgres.clean-start=true",
                        // never reached: the start stops first
                        "--spring.kafka.bootstrap-servers=localhost:9",
                        keyArgument)
                .close();
    }

    @Test
    void refusesToStartWithoutAKey(CapturedOutput output) {
        assertThatThrownBy(() -> start("--ledger.log.signing-key=")).hasRootCauseInstanceOf(LogKeyProblem.class);

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("No log signing key is configured")
                .contains("ledger.log.signing-key-file");
    }

    @Test
    void refusesAKeyFileOthersMayRead(CapturedOutput output) throws Exception {
        String key = NoteSigner.generate("refused.example/log");
        Path file = directory.resolve("log-signing.key");
        Files.writeString(file, key);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> start("--ledger.log.signing-key-file=" + file))
                .hasRootCauseInstanceOf(LogKeyProblem.class);

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("is accessible by others (permissions rw-r--r--)")
                .contains("chmod 600 " + file)
                .doesNotContain(key.substring(key.lastIndexOf('+') + 1));
    }
}
