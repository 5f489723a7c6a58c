package io.commitmentsledger.contracts.log;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;

/**
 * The ledger's signature of one leaf hash, carried with each record so a subscriber can tell the ledger's events
 * from forged ones before any checkpoint covers them: {@code base64(key id || Ed25519 signature)} of {@link #CONTEXT}
 * followed by the 32-byte leaf hash. The context keeps these signatures apart from the same key's signed notes.
 */
public final class LeafSignature {

    public static final String CONTEXT = "commitments-ledger leaf signature v1\n";

    private LeafSignature() {}

    public static String sign(NoteSigner signer, byte[] leafHash) {
        byte[] signature = signer.sign(message(leafHash));
        byte[] idAndSignature = new byte[4 + signature.length];
        int keyId = signer.keyId();
        idAndSignature[0] = (byte) (keyId >>> 24);
        idAndSignature[1] = (byte) (keyId >>> 16);
        idAndSignature[2] = (byte) (keyId >>> 8);
        idAndSignature[3] = (byte) keyId;
        System.arraycopy(signature, 0, idAndSignature, 4, signature.length);
        return Base64.getEncoder().encodeToString(idAndSignature);
    }

    /** Throws unless one of {@code verifiers} signed {@code leafHash} with this signature. */
    public static void verify(byte[] leafHash, String signature, Collection<NoteVerifier> verifiers)
            throws VerificationFailure {
        byte[] idAndSignature;
        try {
            idAndSignature = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure("the leaf signature is not base64");
        }
        if (idAndSignature.length != 4 + 64) {
            throw new VerificationFailure("the leaf signature is not a key id and an Ed25519 signature");
        }
        int keyId = ((idAndSignature[0] & 0xff) << 24)
                | ((idAndSignature[1] & 0xff) << 16)
                | ((idAndSignature[2] & 0xff) << 8)
                | (idAndSignature[3] & 0xff);
        byte[] ed25519 = java.util.Arrays.copyOfRange(idAndSignature, 4, idAndSignature.length);
        boolean knownKey = false;
        for (NoteVerifier verifier : verifiers) {
            if (verifier.keyId() == keyId) {
                if (verifier.verifies(message(leafHash), ed25519)) {
                    return;
                }
                knownKey = true;
            }
        }
        if (knownKey) {
            throw new VerificationFailure("the leaf signature does not verify with the ledger's key");
        }
        throw new VerificationFailure("the leaf is signed by an unknown key (id "
                + java.util.HexFormat.of().toHexDigits(keyId) + ")");
    }

    private static byte[] message(byte[] leafHash) {
        if (leafHash.length != MerkleHashes.SIZE) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes");
        }
        byte[] context = CONTEXT.getBytes(StandardCharsets.US_ASCII);
        byte[] message = java.util.Arrays.copyOf(context, context.length + leafHash.length);
        System.arraycopy(leafHash, 0, message, context.length, leafHash.length);
        return message;
    }
}
