package io.commitmentsledger.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commitmentsledger.contracts.log.NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's keys are read from exactly one place, and refused with a clear message, never echoing the key. */
class LogKeysTest {

    private static final String KEY = NoteSigner.generate("ledger.example/log");

    @TempDir
    Path directory;

    private static LogProperties properties(@Nullable Path file, @Nullable String key, List<String> previous) {
        return new LogProperties(file, key, previous, Duration.ofSeconds(1), "checkpoints", Duration.ofMinutes(1));
    }

    private Path keyFile(String content, String permissions) throws Exception {
        Path file = directory.resolve("log-signing.key");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void readsTheKeyFromAFileOnlyItsOwnerMayRead() throws Exception {
        LogKeys keys = new LogKeys(properties(keyFile(KEY + "\n", "rw-------"), null, List.of()));

        assertThat(keys.origin()).isEqualTo("ledger.example/log");
        assertThat(keys.signer().verifier().verifierKey())
                .isEqualTo(NoteSigner.parse(KEY).verifier().verifierKey());
        assertThat(keys.verifiers()).hasSize(1);
    }

    @Test
    void readsTheKeyItselfAndListsEarlierVerifierKeysAfterTheCurrentOne() {
        String earlier = NoteSigner.parse(NoteSigner.generate("ledger.example/log"))
                .verifier()
                .verifierKey();

        LogKeys keys = new LogKeys(properties(null, KEY, List.of(earlier)));

        assertThat(keys.verifiers())
                .extracting(verifier -> verifier.verifierKey())
                .containsExactly(NoteSigner.parse(KEY).verifier().verifierKey(), earlier);
    }

    @Test
    void refusesToStartWithoutAKey() {
        assertThatThrownBy(() -> new LogKeys(properties(null, null, List.of())))
                .isInstanceOf(LogKeyProblem.class)
                .hasMessageContaining("No log signing key is configured");
        assertThatThrownBy(() -> new LogKeys(properties(null, " ", List.of())))
                .isInstanceOf(LogKeyProblem.class)
                .hasMessageContaining("No log signing key is configured");
    }

    @Test
    void refusesTwoKeys() throws Exception {
        Path file = keyFile(KEY, "rw-------");
        assertThatThrownBy(() -> new LogKeys(properties(file, KEY, List.of())))
                .isInstanceOf(LogKeyProblem.class)
                .hasMessageContaining("Two log signing keys are configured");
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> new LogKeys(properties(directory.resolve("absent.key"), null, List.of())))
                .isInstanceOf(LogKeyProblem.class)
                .hasMessageContaining("absent.key")
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesAFileOthersMayRead() throws Exception {
        for (String permissions : List.of("rw-r-----", "rw----r--", "rw-rw-rw-")) {
            Path file = keyFile(KEY, permissions);
            assertThatThrownBy(() -> new LogKeys(properties(file, null, List.of())))
                    .isInstanceOf(LogKeyProblem.class)
                    .hasMessageContaining("accessible by others (permissions " + permissions + ")")
                    .satisfies(e -> assertThat(((LogKeyProblem) e).action()).contains("chmod 600"));
        }
    }

    @Test
    void refusesAFileThatIsNotAKeyWithoutShowingItsContent() throws Exception {
        String secretLookingText = "PRIVATE+KEY+ledger.example/log+00000000+c2VjcmV0";
        Path file = keyFile(secretLookingText, "rw-------");

        assertThatThrownBy(() -> new LogKeys(properties(file, null, List.of())))
                .isInstanceOf(LogKeyProblem.class)
                .hasMessageContaining("is not a signing key")
                .hasMessageNotContaining("c2VjcmV0");
    }

    @Test
    void refusesAnEarlierVerifierKeyOfAnotherLog() {
        String otherLog = NoteSigner.parse(NoteSigner.generate("other.example/log"))
                .verifier()
                .verifierKey();

        assertThatThrownBy(() -> new LogKeys(properties(null, KEY, List.of(otherLog))))
                .isInstanceOf(LogKeyProblem.class)
                .hasMessageContaining("names the log other.example/log");
    }

    @Test
    void neverShowsTheKeyInItsProperties() {
        assertThat(properties(null, KEY, List.of()).toString()).doesNotContain(KEY.substring(12));
    }
}
