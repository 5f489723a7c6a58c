package io.commitmentsledger.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path directory;

    @Test
    void createsAKeyReadableByItsOwnerOnlyAndReadsTheSameKeyBack() throws Exception {
        Path file = directory.resolve("authorization/signing-key.pem");

        RSAKey created = SigningKey.loadOrCreate(file);
        RSAKey again = SigningKey.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(again.getKeyID()).isEqualTo(created.getKeyID());
        assertThat(again.toRSAPublicKey()).isEqualTo(created.toRSAPublicKey());
        assertThat(created.getKeyID())
                .isEqualTo(created.toPublicJWK().computeThumbprint().toString());
        assertThat(created.getModulus().decode()).hasSize(3072 / 8);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void readsAPrivateJwkWithTheSameKeyIdAsThePemOfTheSameKey() throws Exception {
        RSAKey fromPem = SigningKey.loadOrCreate(directory.resolve("key.pem"));
        Path jwk = directory.resolve("key.json");
        ownerOnly(jwk, fromPem.toJSONString());

        RSAKey fromJwk = SigningKey.loadOrCreate(jwk);

        assertThat(fromJwk.getKeyID()).isEqualTo(fromPem.getKeyID());
        assertThat(fromJwk.toRSAPrivateKey()).isEqualTo(fromPem.toRSAPrivateKey());
    }

    @Test
    void refusesAKeyOthersMayRead() throws Exception {
        Path file = directory.resolve("key.pem");
        SigningKey.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(() -> SigningKey.loadOrCreate(file))
                .hasMessageContaining("may be read or written by others (rw-r-----)")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void refusesAFileThatHoldsNoRsaKey() throws Exception {
        Path file = directory.resolve("key.pem");
        ownerOnly(file, "not a key");
        Path publicOnly = directory.resolve("public.json");
        RSAKey key = SigningKey.loadOrCreate(directory.resolve("other.pem"));
        ownerOnly(publicOnly, key.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKey.loadOrCreate(file)).hasMessageContaining("neither a PKCS#8 PEM");
        assertThatThrownBy(() -> SigningKey.loadOrCreate(publicOnly)).hasMessageContaining("not a private RSA JWK");
    }

    private static void ownerOnly(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
