package io.commitmentsledger.contracts.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, and one signature line per key, each {@code — <key
 * name> base64(key id || signature)}.
 */
public record SignedNote(String text, List<Signature> signatures) {

    /** At most this many signature lines are read (the format asks verifiers to accept at least 16). */
    public static final int MAX_SIGNATURES = 64;
    /** At most this many characters are read, so a hostile note cannot exhaust memory. */
    public static final int MAX_LENGTH = 1 << 16;

    private static final String DASH = "\u2014 ";

    public record Signature(String keyName, int keyId, byte[] signature) {}

    public SignedNote {
        requireText(text);
        signatures = List.copyOf(signatures);
    }

    /** The note as bytes travel: text, blank line, signature lines. */
    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        for (Signature signature : signatures) {
            byte[] idAndSignature = new byte[4 + signature.signature().length];
            idAndSignature[0] = (byte) (signature.keyId() >>> 24);
            idAndSignature[1] = (byte) (signature.keyId() >>> 16);
            idAndSignature[2] = (byte) (signature.keyId() >>> 8);
            idAndSignature[3] = (byte) signature.keyId();
            System.arraycopy(signature.signature(), 0, idAndSignature, 4, signature.signature().length);
            note.append(DASH)
                    .append(signature.keyName())
                    .append(' ')
                    .append(Base64.getEncoder().encodeToString(idAndSignature))
                    .append('\n');
        }
        return note.toString();
    }

    /** Reads a note without verifying it. */
    public static SignedNote parse(String note) throws VerificationFailure {
        if (note.length() > MAX_LENGTH) {
            throw new VerificationFailure("the note is longer than " + MAX_LENGTH + " characters");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new VerificationFailure("the note has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String signatureLines = note.substring(split + 2);
        if (!signatureLines.endsWith("\n")) {
            throw new VerificationFailure("the note's last signature line does not end in a newline");
        }
        try {
            requireText(text);
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure(e.getMessage());
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : signatureLines.split("\n")) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new VerificationFailure("the note has more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(signature(line));
        }
        return new SignedNote(text, signatures);
    }

    /**
     * The text of the note if a known key signed it: every signature by a known key (same name and key id) must verify,
     * and at least one must be there. Signatures by unknown keys are ignored, as the format requires.
     */
    public static String open(String note, Collection<NoteVerifier> verifiers) throws VerificationFailure {
        SignedNote signed = parse(note);
        byte[] text = signed.text().getBytes(StandardCharsets.UTF_8);
        boolean verified = false;
        for (Signature signature : signed.signatures()) {
            for (NoteVerifier verifier : verifiers) {
                if (verifier.name().equals(signature.keyName()) && verifier.keyId() == signature.keyId()) {
                    if (!verifier.verifies(text, signature.signature())) {
                        throw new VerificationFailure(
                                "the signature of " + signature.keyName() + " on the note does not verify");
                    }
                    verified = true;
                }
            }
        }
        if (!verified) {
            throw new VerificationFailure("no trusted key signed the note");
        }
        return signed.text();
    }

    static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends in a newline");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note has no control characters other than newline");
        }
    }

    private static Signature signature(String line) throws VerificationFailure {
        if (!line.startsWith(DASH)) {
            throw new VerificationFailure("a signature line starts with an em dash and a space: " + abbreviate(line));
        }
        int space = line.indexOf(' ', DASH.length());
        if (space < 0) {
            throw new VerificationFailure("a signature line is '— <key name> <signature>': " + abbreviate(line));
        }
        String keyName = line.substring(DASH.length(), space);
        try {
            NoteVerifier.requireKeyName(keyName);
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure("a signature line names no valid key: " + abbreviate(line));
        }
        byte[] idAndSignature;
        try {
            idAndSignature = Base64.getDecoder().decode(line.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure("a signature is not base64: " + abbreviate(line));
        }
        if (idAndSignature.length < 5) {
            throw new VerificationFailure("a signature is too short: " + abbreviate(line));
        }
        int keyId = ((idAndSignature[0] & 0xff) << 24)
                | ((idAndSignature[1] & 0xff) << 16)
                | ((idAndSignature[2] & 0xff) << 8)
                | (idAndSignature[3] & 0xff);
        byte[] signature = java.util.Arrays.copyOfRange(idAndSignature, 4, idAndSignature.length);
        return new Signature(keyName, keyId, signature);
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
