package io.commitmentsledger.verifier;

import io.commitmentsledger.contracts.log.MerkleHashes;
import java.util.Base64;

/** Reads the log's fields as the export and the record headers write them; each failure names the field. */
final class Fields {

    private Fields() {}

    /** A whole number from 0, in decimal without leading zeros. */
    static long number(String name, String text) {
        if (!text.matches("0|[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException(name + " is not a whole number from 0: " + text);
        }
        return Long.parseLong(text);
    }

    /** A 32-byte hash in base64. */
    static byte[] hash(String name, String text) {
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64: " + text);
        }
        if (hash.length != MerkleHashes.SIZE) {
            throw new IllegalArgumentException(name + " is not a 32-byte hash: " + text);
        }
        return hash;
    }
}
