package io.commitmentsledger.projection.support;

import io.commitmentsledger.contracts.log.NoteSigner;
import io.commitmentsledger.crypto.BouncyCastleEd25519;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * The ledger's signing key in these tests, made afresh for each test JVM: {@link LedgerTopic} signs records with it as
 * commitments-service would, {@link CommitmentsServiceProcess} gives it to the real commitments-service, and every
 * test context of projection-service gets its verifier key as {@code ledger.log.verifier-keys} (registered in
 * META-INF/spring.factories; a test's own properties override it).
 */
public final class TestLedgerKey {

    public static final String NAME = "test.commitments-ledger/log";

    private static final String PRIVATE_KEY = NoteSigner.generate(NAME);
    private static final NoteSigner SIGNER = NoteSigner.parse(PRIVATE_KEY, BouncyCastleEd25519.INSTANCE);

    private TestLedgerKey() {}

    public static NoteSigner signer() {
        return SIGNER;
    }

    /** The private key text, for {@code --ledger.log.signing-key}. */
    public static String privateKey() {
        return PRIVATE_KEY;
    }

    /** The verifier key text, for {@code --ledger.log.verifier-keys}. */
    public static String verifierKey() {
        return SIGNER.verifier().verifierKey();
    }

    /** Adds {@code ledger.log.verifier-keys} to every Spring test context, at the lowest precedence. */
    public static final class VerifierKeyCustomizerFactory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new VerifierKeyCustomizer();
        }
    }

    private static final class VerifierKeyCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(
                ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            context.getEnvironment()
                    .getPropertySources()
                    .addLast(new MapPropertySource("testLedgerKey", Map.of("ledger.log.verifier-keys", verifierKey())));
        }

        // one instance is like another: contexts that differ in nothing else are still shared
        @Override
        public boolean equals(Object other) {
            return other instanceof VerifierKeyCustomizer;
        }

        @Override
        public int hashCode() {
            return VerifierKeyCustomizer.class.hashCode();
        }
    }
}
