package io.commitmentsledger.ledger.support;

import io.commitmentsledger.contracts.log.NoteSigner;
import io.commitmentsledger.contracts.log.NoteVerifier;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every application a test starts signs its log with a key generated once per test JVM (no key is committed to the
 * repository), unless the test configures a key of its own: this sets {@code ledger.log.signing-key}, at the lowest
 * precedence, only where neither {@code ledger.log.signing-key} nor {@code ledger.log.signing-key-file} is set.
 * Registered in the test classpath's {@code META-INF/spring.factories}.
 */
public final class TestLogKey implements EnvironmentPostProcessor, Ordered {

    public static final String ORIGIN = "commitments-ledger.test/log";

    private static final String SIGNING_KEY = NoteSigner.generate(ORIGIN);

    /** The test JVM's signing key, for a test that starts an application with it explicitly. */
    public static String signingKey() {
        return SIGNING_KEY;
    }

    /** The verifier key of {@link #signingKey()}. */
    public static NoteVerifier verifier() {
        return NoteSigner.parse(SIGNING_KEY).verifier();
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty("ledger.log.signing-key")
                && !environment.containsProperty("ledger.log.signing-key-file")) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("testLogKey", Map.of("ledger.log.signing-key", SIGNING_KEY)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
