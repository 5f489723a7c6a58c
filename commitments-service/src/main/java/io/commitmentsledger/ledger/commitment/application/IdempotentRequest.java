package io.commitmentsledger.ledger.commitment.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request sent with an idempotency key, and a fingerprint of what it asks, so that a retry can be told apart from
 * a different request reusing the key.
 */
public record IdempotentRequest(String key, String fingerprint) {

    /** Fingerprints a request by everything that makes it a different request: method, path and canonical body. */
    public static IdempotentRequest of(String key, String method, String path, String canonicalBody) {
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
