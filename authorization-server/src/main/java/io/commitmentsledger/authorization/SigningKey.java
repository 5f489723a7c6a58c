package io.commitmentsledger.authorization;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The RSA key the tokens are signed with, kept in a file so that tokens, and the services' cached JWK set, survive a
 * restart. Its {@code kid} is its JWK thumbprint (RFC 7638): the same key always has the same id, and another key
 * another.
 */
final class SigningKey {

    private static final int KEY_SIZE = 3072;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);

    private SigningKey() {}

    /** The key in {@code file}, created there (owner read and write only) if the file does not exist. */
    static RSAKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            refuseIfShared(file);
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            RSAPrivateCrtKey privateKey = text.startsWith("{") ? fromJwk(text, file) : fromPem(text, file);
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey withoutId = new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
            return new RSAKey.Builder(withoutId)
                    .keyID(withoutId.computeThumbprint().toString())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(
                    "the signing key " + file + " is not a usable RSA key: " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_SIZE);
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
        Path directory = Files.createDirectories(file.toAbsolutePath().getParent());
        // Written beside it, then moved into place: a start interrupted half-way leaves no empty key behind, and the
        // key is created readable by its owner only, so never readable by others, not even for a moment.
        Path partial = posix(directory)
                ? Files.createTempFile(
                        directory, ".signing-key", ".partial", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, ".signing-key", ".partial");
        try {
            Files.writeString(partial, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void refuseIfShared(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(SHARED::contains)) {
            throw new IllegalStateException("the signing key " + file + " may be read or written by others ("
                    + PosixFilePermissions.toString(permissions) + "): make it readable by its owner only (chmod 600 "
                    + file + ")");
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private static RSAPrivateCrtKey fromPem(String pem, Path file) throws GeneralSecurityException {
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        if (!pem.startsWith(begin) || !pem.endsWith(end)) {
            throw new IllegalStateException("the signing key " + file
                    + " is neither a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----) nor a JWK in JSON");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin.length(), pem.length() - end.length()));
        if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                instanceof RSAPrivateCrtKey key) {
            return key;
        }
        throw new IllegalStateException("the signing key " + file + " lacks the RSA key's public part (CRT form)");
    }

    private static RSAPrivateCrtKey fromJwk(String json, Path file) throws GeneralSecurityException, JOSEException {
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("the signing key " + file + " is not a JWK: " + e.getMessage(), e);
        }
        if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
            throw new IllegalStateException("the signing key " + file + " is not a private RSA JWK");
        }
        if (rsa.toPrivateKey() instanceof RSAPrivateCrtKey key) {
            return key;
        }
        throw new IllegalStateException(
                "the signing key " + file + " lacks the RSA key's CRT members (p, q, dp, dq, qi)");
    }
}
