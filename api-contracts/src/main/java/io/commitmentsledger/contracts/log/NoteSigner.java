package io.commitmentsledger.contracts.log;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The ledger's Ed25519 signing key, read from and written as Go's signed-note private key format: {@code
 * PRIVATE+KEY+<name>+<key id>+<base64(0x01 || 32-byte seed)>}. It signs checkpoints as notes and each leaf hash
 * ({@link LeafSignature}).
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final NoteVerifier verifier;
    private final Ed25519.PrivateKey key;

    private NoteSigner(String name, byte[] seed, Ed25519 ed25519) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        this.verifier = new NoteVerifier(name, ed25519.publicKeyOf(seed), ed25519);
        this.key = ed25519.privateKey(seed);
    }

    /** A new random key named {@code name}, in the private key format (keep it secret). */
    public static String generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        NoteSigner signer = new NoteSigner(name, seed, Ed25519.jdk());
        byte[] key = new byte[33];
        key[0] = NoteVerifier.ED25519;
        System.arraycopy(seed, 0, key, 1, 32);
        return PREFIX + name + "+" + HexFormat.of().toHexDigits(signer.keyId()) + "+"
                + Base64.getEncoder().encodeToString(key);
    }

    /** Reads a private key; throws {@link IllegalArgumentException} saying what is wrong, never echoing the key. */
    public static NoteSigner parse(String privateKey) {
        return parse(privateKey, Ed25519.jdk());
    }

    /** Reads a private key that signs with the given implementation of Ed25519. */
    public static NoteSigner parse(String privateKey, Ed25519 ed25519) {
        String text = privateKey.strip();
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a signing key starts with " + PREFIX);
        }
        String[] parts = text.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a signing key is PRIVATE+KEY+<name>+<key id>+<base64 key>");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signing key's key is not base64");
        }
        if (key.length != 33 || key[0] != NoteVerifier.ED25519) {
            throw new IllegalArgumentException("the signing key is not an Ed25519 key (0x01 and a 32-byte seed)");
        }
        NoteSigner signer = new NoteSigner(parts[0], Arrays.copyOfRange(key, 1, 33), ed25519);
        if (!parts[1].equals(HexFormat.of().toHexDigits(signer.keyId()))) {
            throw new IllegalArgumentException("the signing key's id " + parts[1] + " does not match its key");
        }
        return signer;
    }

    public String name() {
        return verifier.name();
    }

    public int keyId() {
        return verifier.keyId();
    }

    /** The public half, to publish. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The signed note of {@code text}, which must end in a newline: the text, a blank line, this key's signature. */
    public String sign(String text) {
        SignedNote.requireText(text);
        byte[] signature = sign(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new SignedNote(text, java.util.List.of(new SignedNote.Signature(name(), keyId(), signature))).format();
    }

    /** The raw Ed25519 signature of {@code message}. */
    byte[] sign(byte[] message) {
        return key.sign(message);
    }

    @Override
    public String toString() {
        return "signing key " + verifier.name() + "+" + HexFormat.of().toHexDigits(keyId());
    }
}
