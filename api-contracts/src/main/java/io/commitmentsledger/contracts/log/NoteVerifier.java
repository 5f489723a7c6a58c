package io.commitmentsledger.contracts.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 public key of the ledger, in the C2SP signed-note verifier key format that Go's {@code
 * golang.org/x/mod/sumdb/note} also reads: {@code <name>+<key id, 8 hex digits>+<base64(0x01 || public key)>}.
 */
public final class NoteVerifier {

    static final byte ED25519 = 0x01;

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final Ed25519.PublicKey key;

    NoteVerifier(String name, byte[] publicKey, Ed25519 ed25519) {
        requireKeyName(name);
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = keyId(name, publicKey);
        this.key = ed25519.publicKey(publicKey);
    }

    /** Reads a verifier key; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static NoteVerifier parse(String verifierKey) {
        return parse(verifierKey, Ed25519.jdk());
    }

    /** Reads a verifier key that checks signatures with the given implementation of Ed25519. */
    public static NoteVerifier parse(String verifierKey, Ed25519 ed25519) {
        String[] parts = verifierKey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<key id>+<base64 key>");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the verifier key's key is not base64", e);
        }
        if (key.length != 33 || key[0] != ED25519) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 key (0x01 and 32 bytes)");
        }
        NoteVerifier verifier = new NoteVerifier(parts[0], Arrays.copyOfRange(key, 1, 33), ed25519);
        if (!parts[1].equals(HexFormat.of().toHexDigits(verifier.keyId))) {
            throw new IllegalArgumentException("the verifier key's id " + parts[1] + " does not match its key");
        }
        return verifier;
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String name() {
        return name;
    }

    /** The first four bytes of {@code SHA-256(name || 0x0A || 0x01 || public key)}, as signed-note recommends. */
    public int keyId() {
        return keyId;
    }

    /** This key in the verifier key format. */
    public String verifierKey() {
        byte[] key = new byte[33];
        key[0] = ED25519;
        System.arraycopy(publicKey, 0, key, 1, 32);
        return name + "+" + HexFormat.of().toHexDigits(keyId) + "+"
                + Base64.getEncoder().encodeToString(key);
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        return key.verifies(message, signature);
    }

    @Override
    public String toString() {
        return verifierKey();
    }

    static int keyId(String name, byte[] publicKey) {
        var sha256 = MerkleHashes.sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(ED25519);
        byte[] hash = sha256.digest(publicKey);
        return ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
    }

    static void requireKeyName(String name) {
        // Go's note package refuses unicode.IsSpace, which also counts no-break spaces (isSpaceChar) and U+0085.
        if (name.isEmpty()
                || name.codePoints()
                        .anyMatch(c -> c == '+'
                                || Character.isWhitespace(c)
                                || Character.isSpaceChar(c)
                                || c == 0x85
                                || c < 0x20)) {
            throw new IllegalArgumentException("a key name is not empty and has no spaces or '+': " + name);
        }
    }
}
