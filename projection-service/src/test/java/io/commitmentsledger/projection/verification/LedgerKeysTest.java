package io.commitmentsledger.projection.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.log.NoteSigner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The service refuses to start without the ledger's verifier key, or with one it cannot read, and says why. */
class LedgerKeysTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LogProperties.class)
    @Import(LedgerKeys.class)
    static class Keys {}

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Keys.class);

    @Test
    void refusesToStartWithoutAVerifierKey() {
        context.run(started -> assertThat(started)
                .hasFailed()
                .getFailure()
                .hasStackTraceContaining("ledger.log.verifier-keys is not set"));
    }

    @Test
    void refusesAKeyItCannotRead() {
        context.withPropertyValues("ledger.log.verifier-keys=not-a-key")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("not a signed-note verifier key"));
    }

    @Test
    void readsTheCurrentKeyThenRetiredOnes() {
        String current = NoteSigner.parse(NoteSigner.generate("ledger.example/log"))
                .verifier()
                .verifierKey();
        String retired = NoteSigner.parse(NoteSigner.generate("ledger.example/log"))
                .verifier()
                .verifierKey();
        context.withPropertyValues("ledger.log.verifier-keys=" + current + "," + retired)
                .run(started -> assertThat(started.getBean(LedgerKeys.class).verifiers())
                        .extracting(verifier -> verifier.verifierKey())
                        .containsExactly(current, retired));
    }
}
