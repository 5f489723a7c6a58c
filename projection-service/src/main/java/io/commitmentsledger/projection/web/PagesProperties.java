package io.commitmentsledger.projection.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The human-readable pages.
 *
 * @param ledgerUrl where commitments-service answers, so each timeline entry can link to its raw recorded event and
 *     each commitment to the ledger's proof that its events are in the log
 * @param open whether the HTML pages and their stylesheet are open to anyone without a token: true by default,
 *     since they show what the governments published; false makes them need a bearer token of an agency or an
 *     auditor, as the API's reads do
 */
@ConfigurationProperties("ledger.pages")
public record PagesProperties(
        @DefaultValue("http://localhost:8080") URI ledgerUrl,
        @Name("public") @DefaultValue("true") boolean open) {}
