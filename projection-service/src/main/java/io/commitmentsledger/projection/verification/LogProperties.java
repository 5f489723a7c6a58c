package io.commitmentsledger.projection.verification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger's verifiable log, as this service checks it.
 *
 * @param verifierKeys the ledger's signed-note verifier keys ({@code <name>+<key id>+<base64 key>}), the current one
 *     first, then retired ones whose signatures records on the topic still carry. Required: without them no record
 *     could be told from a forged one.
 * @param rejectedDownFor how long health component {@code recordVerification} stays DOWN after a refused record
 */
@ConfigurationProperties("ledger.log")
public record LogProperties(
        List<String> verifierKeys, @DefaultValue("24h") Duration rejectedDownFor) {

    public LogProperties {
        verifierKeys = verifierKeys == null ? List.of() : List.copyOf(verifierKeys);
    }
}
