package io.commitmentsledger.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The signing key lives in its file: a restarted server signs with the same key, so earlier tokens stay valid. */
class SigningKeyRestartIT {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(Path keyFile) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--ledger.authorization.issuer=http://localhost:9000",
                "--ledger.authorization.signing-key-file=" + keyFile));
        arguments.add(Clients.clientsArgument());
        return SpringApplication.run(AuthorizationServerApplication.class, arguments.toArray(String[]::new));
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void aRestartedServerSignsWithTheSameKeyAndItsEarlierTokensStillVerify() throws Exception {
        Path keyFile = data.resolve("authorization/signing-key.pem");
        String token;
        String keyId;
        try (ConfigurableApplicationContext first = start(keyFile)) {
            token = Clients.token(base(first), "jp-meti");
            keyId = JWKSet.parse(Clients.get(base(first) + "/oauth2/jwks"))
                    .getKeys()
                    .get(0)
                    .getKeyID();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");

        try (ConfigurableApplicationContext second = start(keyFile)) {
            JWKSet served = JWKSet.parse(Clients.get(base(second) + "/oauth2/jwks"));
            assertThat(served.getKeys())
                    .singleElement()
                    .satisfies(key -> assertThat(key.getKeyID()).isEqualTo(keyId));

            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base(second) + "/oauth2/jwks")
                    .build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer("http://localhost:9000"));
            Jwt earlier = decoder.decode(token);
            assertThat(earlier.getSubject()).isEqualTo("jp-meti");
            assertThat(earlier.getClaimAsString("iss")).isEqualTo("http://localhost:9000");
        }
    }

    @Test
    void refusesToStartWithAKeyOthersMayRead() throws Exception {
        Path keyFile = data.resolve("signing-key.pem");
        SigningKey.loadOrCreate(keyFile);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> start(keyFile).close())
                .rootCause()
                .hasMessageContaining("may be read or written by others");
    }

    @Test
    void refusesToStartWithAClientThatHasNoSecret() {
        List<String> arguments = new ArrayList<>(
                List.of("--server.port=0", "--ledger.authorization.signing-key-file=" + data.resolve("key.pem")));
        arguments.add(Clients.clientsArgument());
        arguments.add("--ledger.authorization.clients.jp-meti.secret=");

        assertThatThrownBy(() -> SpringApplication.run(
                                AuthorizationServerApplication.class, arguments.toArray(String[]::new))
                        .close())
                .rootCause()
                .hasMessageContaining("ledger.authorization.clients.jp-meti.secret is not set");
    }
}
