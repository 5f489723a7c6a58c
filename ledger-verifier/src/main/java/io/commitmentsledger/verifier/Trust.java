package io.commitmentsledger.verifier;

import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.NoteVerifier;
import io.commitmentsledger.contracts.log.SignedNote;
import io.commitmentsledger.contracts.log.VerificationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The keys the auditor trusts and the log they name. The origin a checkpoint must name is {@code --origin} if given,
 * else the name of a trusted key (the ledger names its key after its log).
 */
final class Trust {

    private final List<NoteVerifier> verifiers;
    private final @Nullable String origin;

    private Trust(List<NoteVerifier> verifiers, @Nullable String origin) {
        this.verifiers = List.copyOf(verifiers);
        this.origin = origin;
    }

    /**
     * Reads each {@code --key}: the path of a file of verifier keys, one a line (as {@code GET /api/v1/log/verifier-keys}
     * returns them), or the key text itself.
     */
    static Trust of(List<String> keyArguments, @Nullable String origin) throws UsageError {
        if (keyArguments.isEmpty()) {
            throw new UsageError("--key is required: the ledger's verifier key (GET /api/v1/log/verifier-keys)");
        }
        List<NoteVerifier> verifiers = new ArrayList<>();
        for (String argument : keyArguments) {
            for (String line : keyLines(argument)) {
                try {
                    verifiers.add(NoteVerifier.parse(line));
                } catch (IllegalArgumentException e) {
                    throw new UsageError("--key " + line + ": " + e.getMessage());
                }
            }
        }
        if (verifiers.isEmpty()) {
            throw new UsageError("--key " + String.join(" ", keyArguments) + " holds no verifier key");
        }
        return new Trust(verifiers, origin);
    }

    List<NoteVerifier> verifiers() {
        return verifiers;
    }

    /** Opens a signed checkpoint: a trusted key signed it, and it is of the expected log. */
    Checkpoint open(String signedNote) throws VerificationFailure {
        return Checkpoint.open(signedNote, originFor(signedNote), verifiers);
    }

    /** The origin a note must name: {@code --origin}, or the key name that matches its first line, or the first's. */
    String originFor(String signedNote) {
        if (origin != null) {
            return origin;
        }
        String firstLine = signedNote.lines().findFirst().orElse("");
        return verifiers.stream()
                .map(NoteVerifier::name)
                .filter(firstLine::equals)
                .findFirst()
                .orElse(verifiers.get(0).name());
    }

    /** The trusted keys among the note's signatures, as {@code name+keyid}, for the report. */
    String signersOf(String signedNote) {
        try {
            List<SignedNote.Signature> signatures = SignedNote.parse(signedNote).signatures();
            return verifiers.stream()
                    .filter(verifier -> signatures.stream()
                            .anyMatch(signature -> signature.keyId() == verifier.keyId()
                                    && signature.keyName().equals(verifier.name())))
                    .map(verifier -> verifier.name() + "+" + HexFormat.of().toHexDigits(verifier.keyId()))
                    .collect(Collectors.joining(", "));
        } catch (VerificationFailure e) {
            return "?";
        }
    }

    private static List<String> keyLines(String argument) throws UsageError {
        String text = argument;
        Path file = asFile(argument);
        if (file != null) {
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageError("--key " + argument + ": cannot read it: " + e.getMessage());
            }
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static @Nullable Path asFile(String argument) {
        try {
            Path path = Path.of(argument);
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
