package io.commitmentsledger.contracts.log;

/**
 * Ed25519 (RFC 8032) signing and verification. {@link #jdk()} is the JDK's own, which is all a verifier needs; a
 * service that signs or checks every record may supply a faster implementation of the same algorithm.
 */
public interface Ed25519 {

    /** A private key, from its 32-byte seed. */
    interface PrivateKey {
        byte[] sign(byte[] message);
    }

    /** A public key, from its 32 bytes. */
    interface PublicKey {
        boolean verifies(byte[] message, byte[] signature);
    }

    PrivateKey privateKey(byte[] seed);

    /** The 32-byte public key of a 32-byte seed. */
    byte[] publicKeyOf(byte[] seed);

    PublicKey publicKey(byte[] publicKey);

    static Ed25519 jdk() {
        return JdkEd25519.INSTANCE;
    }
}
