package io.commitmentsledger.projection.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The human-readable pages.
 *
 * @param ledgerUrl where commitments-service answers, so each timeline entry can link to its raw recorded event and
 *     each commitment to the ledger's proof that its events are in the log
 */
@ConfigurationProperties("ledger.pages")
public record PagesProperties(
        @DefaultValue("http://localhost:8080") URI ledgerUrl) {}
