package io.commitmentsledger.ledger.idempotency;

import io.commitmentsledger.ledger.web.InvalidHeader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A request sent with an {@code Idempotency-Key}, and a fingerprint of what it asks (method, path and the request
 * body in canonical form), so that a retry can be told apart from a different request reusing the key.
 */
public record IdempotentRequest(String key, String fingerprint) {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** Null when the caller sent no key. */
    public static IdempotentRequest of(String key, String method, String path, String canonicalBody) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidHeader("Idempotency-Key", "must be 1 to 255 visible ASCII characters, such as a UUID");
        }
        return new IdempotentRequest(key, sha256(method + " " + path + "\n" + canonicalBody));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
