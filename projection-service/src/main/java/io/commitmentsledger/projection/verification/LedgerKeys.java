package io.commitmentsledger.projection.verification;

import io.commitmentsledger.contracts.log.NoteVerifier;
import io.commitmentsledger.crypto.BouncyCastleEd25519;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The ledger's public keys, from {@code ledger.log.verifier-keys}. The service refuses to start without one, or with
 * one it cannot read: it would otherwise have to show every record as fact, or none. Bouncy Castle checks a signature
 * about six times faster than the JDK here (80 us against 500 us), and the consumer checks one per record.
 */
@Component
public class LedgerKeys {

    static final String MISSING = "ledger.log.verifier-keys is not set. projection-service applies only records signed"
            + " by the ledger, so it needs the verifier key of commitments-service's signing key (ledger.log.signing-key),"
            + " in signed-note form <name>+<key id>+<base64 key>: set --ledger.log.verifier-keys=<key> (or the"
            + " environment variable LEDGER_LOG_VERIFIERKEYS), the current key first, then retired ones, comma-separated";

    private final List<NoteVerifier> verifiers;

    LedgerKeys(LogProperties properties) {
        if (properties.verifierKeys().isEmpty()) {
            throw new IllegalStateException(MISSING);
        }
        this.verifiers =
                properties.verifierKeys().stream().map(LedgerKeys::parse).toList();
    }

    private static NoteVerifier parse(String key) {
        try {
            return NoteVerifier.parse(key.strip(), BouncyCastleEd25519.INSTANCE);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "ledger.log.verifier-keys holds '" + key + "', which is not a signed-note verifier key: "
                            + e.getMessage(),
                    e);
        }
    }

    /** Current first. */
    public List<NoteVerifier> verifiers() {
        return verifiers;
    }
}
