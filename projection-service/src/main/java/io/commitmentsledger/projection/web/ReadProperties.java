package io.commitmentsledger.projection.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reads that wait for a version ({@code minVersion} and {@code wait}, read-your-writes).
 *
 * @param maxWaiting how many reads may wait at once; one more is answered 503 {@code too-many-waiting-reads} with
 *     {@code Retry-After} at once, never queued. A waiting read holds no request thread, only its connection.
 * @param longestWait the longest a read waits; a longer {@code wait} is cut to it
 */
@ConfigurationProperties("ledger.projection.reads")
public record ReadProperties(
        @DefaultValue("500") int maxWaiting,
        @DefaultValue("30s") Duration longestWait) {

    public ReadProperties {
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("ledger.projection.reads.max-waiting must be at least 1");
        }
        if (longestWait.isNegative()) {
            throw new IllegalArgumentException("ledger.projection.reads.longest-wait must not be negative");
        }
    }
}
