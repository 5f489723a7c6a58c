package io.commitmentsledger.ledger.log;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The log's signing key and its checkpoints. Exactly one of {@code signingKeyFile} and {@code signingKey} must be set
 * ({@link LogKeys}); the key's name is the log's origin, the first line of every checkpoint.
 *
 * @param signingKeyFile a file holding the signing key ({@code PRIVATE+KEY+<name>+<id>+<key>}), readable by its owner
 *     only, as ssh requires of its keys
 * @param signingKey the signing key itself, for a secret passed as an environment variable ({@code
 *     LEDGER_LOG_SIGNING_KEY})
 * @param previousVerifierKeys verifier keys of earlier signing keys, after a rotation: what they signed stays
 *     verifiable
 * @param checkpointInterval how often a new checkpoint is signed when the log has grown
 * @param checkpointTopic the Kafka topic that receives every signed checkpoint, kept for ever
 * @param checkpointLagLimit how long the newest checkpoint may lag behind the log before the {@code verifiableLog}
 *     health component turns DOWN
 */
@ConfigurationProperties("ledger.log")
public record LogProperties(
        @Nullable Path signingKeyFile,
        @Nullable String signingKey,
        @DefaultValue List<String> previousVerifierKeys,
        @DefaultValue("1s") Duration checkpointInterval,
        @DefaultValue("commitment-checkpoints") String checkpointTopic,
        @DefaultValue("1m") Duration checkpointLagLimit) {

    /** Never shows the signing key. */
    @Override
    public String toString() {
        return "LogProperties[signingKeyFile=" + signingKeyFile + ", signingKey="
                + (signingKey == null ? "unset" : "(secret)") + ", previousVerifierKeys=" + previousVerifierKeys
                + ", checkpointInterval=" + checkpointInterval + ", checkpointTopic=" + checkpointTopic
                + ", checkpointLagLimit=" + checkpointLagLimit + "]";
    }
}
