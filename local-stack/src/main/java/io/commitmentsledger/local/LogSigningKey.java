package io.commitmentsledger.local;

import io.commitmentsledger.contracts.log.NoteSigner;
import io.commitmentsledger.contracts.log.NoteVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The local ledger's log signing key: {@code <data directory>/log-signing.key}, created on the first start with a new
 * random key, readable by its owner only (commitments-service refuses it otherwise), and kept between runs so that the
 * log stays verifiable with the same key. Its verifier key, which anyone may have, is written beside it to {@code
 * log-verifier.key} and handed to projection-service.
 */
record LogSigningKey(Path file, Path verifierFile, String verifierKey, boolean created) {

    static final String FILE_NAME = "log-signing.key";
    static final String VERIFIER_FILE_NAME = "log-verifier.key";
    static final String DEFAULT_ORIGIN = "commitments-ledger.localhost/log";

    /** The key under {@code dataDirectory}, created for {@code origin} if there is none yet. */
    static LogSigningKey ensure(Path dataDirectory, String origin) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        boolean created = false;
        if (!Files.exists(file)) {
            created = create(file, NoteSigner.generate(origin));
        }
        NoteVerifier verifier =
                NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8)).verifier();
        Path verifierFile = dataDirectory.resolve(VERIFIER_FILE_NAME);
        Files.writeString(verifierFile, verifier.verifierKey() + "\n", StandardCharsets.UTF_8);
        return new LogSigningKey(file, verifierFile, verifier.verifierKey(), created);
    }

    /** Written into a file that is owner-only from the start, never readable by others even for a moment. */
    private static boolean create(Path file, String key) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            return false;
        }
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
        return true;
    }
}
