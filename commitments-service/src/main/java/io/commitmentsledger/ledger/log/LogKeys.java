package io.commitmentsledger.ledger.log;

import io.commitmentsledger.contracts.log.NoteSigner;
import io.commitmentsledger.contracts.log.NoteVerifier;
import io.commitmentsledger.crypto.BouncyCastleEd25519;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The log's signing key and the verifier keys that check what it signed. Read once at start-up, from {@code
 * ledger.log.signing-key-file} or {@code ledger.log.signing-key} (exactly one); anything wrong stops the start with a
 * {@link LogKeyProblem}. Only the public halves are ever logged.
 */
@Component
public class LogKeys {

    private static final Logger log = LoggerFactory.getLogger(LogKeys.class);

    /** Like ssh, refuse a private key that anyone but its owner may read or change. */
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final NoteSigner signer;
    private final List<NoteVerifier> verifiers;

    LogKeys(LogProperties properties) {
        this.signer = signerFrom(properties);
        List<NoteVerifier> all = new ArrayList<>();
        all.add(signer.verifier());
        for (String previous : properties.previousVerifierKeys()) {
            all.add(previousVerifier(previous, signer.name()));
        }
        this.verifiers = List.copyOf(all);
        log.info(
                "The log {} signs with the key whose verifier key is {}; {} earlier key(s) still verify",
                signer.name(),
                signer.verifier().verifierKey(),
                verifiers.size() - 1);
    }

    /** Signs leaves and checkpoints. */
    public NoteSigner signer() {
        return signer;
    }

    /** The current key's verifier first, then the earlier keys'. */
    public List<NoteVerifier> verifiers() {
        return verifiers;
    }

    /** The log's name, the first line of each checkpoint: the signing key's name. */
    public String origin() {
        return signer.name();
    }

    private static NoteSigner signerFrom(LogProperties properties) {
        Path file = properties.signingKeyFile();
        String key = properties.signingKey();
        if (file == null && (key == null || key.isBlank())) {
            throw new LogKeyProblem(
                    "No log signing key is configured: the service signs every recorded event and checkpoint of the"
                            + " verifiable log and cannot start without one.",
                    "Set ledger.log.signing-key-file (LEDGER_LOG_SIGNING_KEY_FILE) to a file holding the key, readable"
                            + " by the service's user only, or ledger.log.signing-key (LEDGER_LOG_SIGNING_KEY) to the key"
                            + " itself. Generate one with NoteSigner.generate(\"<origin>\"); see docs/verifiable-log.md.");
        }
        if (file != null && key != null && !key.isBlank()) {
            throw new LogKeyProblem(
                    "Two log signing keys are configured: ledger.log.signing-key-file and ledger.log.signing-key.",
                    "Keep one of them.");
        }
        if (key != null) {
            return parsed(key, "ledger.log.signing-key");
        }
        return parsed(read(file), "the file " + file);
    }

    private static String read(Path file) {
        try {
            refuseIfOthersMayRead(file);
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LogKeyProblem(
                    "The log signing key file " + file + " (ledger.log.signing-key-file) does not exist.",
                    "Point ledger.log.signing-key-file at the file holding the log's signing key.");
        } catch (AccessDeniedException e) {
            throw new LogKeyProblem(
                    "The log signing key file " + file + " cannot be read by the service's user.",
                    "Make the file readable by the user the service runs as (and by no one else: chmod 600).");
        } catch (IOException e) {
            throw new LogKeyProblem(
                    "The log signing key file " + file + " cannot be read: " + e,
                    "Point ledger.log.signing-key-file at a readable file holding the log's signing key.");
        }
    }

    private static void refuseIfOthersMayRead(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new LogKeyProblem(
                    "The log signing key file " + file + " is accessible by others (permissions "
                            + PosixFilePermissions.toString(permissions)
                            + "): anyone who can read it can sign events in the ledger's name.",
                    "Make it readable by its owner only: chmod 600 " + file
                            + ". If others may have read it, generate a new key and list the old verifier key in"
                            + " ledger.log.previous-verifier-keys.");
        }
    }

    private static NoteSigner parsed(String key, String where) {
        try {
            return NoteSigner.parse(key, BouncyCastleEd25519.INSTANCE);
        } catch (IllegalArgumentException e) {
            // NoteSigner's messages never echo the key.
            throw new LogKeyProblem(
                    "The log signing key in " + where + " is not a signing key: " + e.getMessage() + ".",
                    "Give the key in Go's signed-note format, PRIVATE+KEY+<name>+<key id>+<base64 key>, as"
                            + " NoteSigner.generate writes it.");
        }
    }

    private static NoteVerifier previousVerifier(String verifierKey, String origin) {
        NoteVerifier verifier;
        try {
            verifier = NoteVerifier.parse(verifierKey, BouncyCastleEd25519.INSTANCE);
        } catch (IllegalArgumentException e) {
            throw new LogKeyProblem(
                    "An entry of ledger.log.previous-verifier-keys is not a verifier key: " + e.getMessage() + ".",
                    "List verifier keys in the format <name>+<key id>+<base64 key>.");
        }
        if (!verifier.name().equals(origin)) {
            throw new LogKeyProblem(
                    "The previous verifier key " + verifierKey + " names the log " + verifier.name()
                            + ", but the signing key names it " + origin
                            + ": checkpoints of both would belong to different logs.",
                    "Give the new signing key the old key's name, or remove the old key from"
                            + " ledger.log.previous-verifier-keys.");
        }
        return verifier;
    }
}
