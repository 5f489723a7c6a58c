package io.commitmentsledger.projection.health;

import io.commitmentsledger.contracts.log.NoteVerifier;
import io.commitmentsledger.projection.verification.LedgerKeys;
import io.commitmentsledger.projection.verification.LogProperties;
import io.commitmentsledger.projection.verification.RejectedRecord;
import io.commitmentsledger.projection.verification.Rejections;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code recordVerification}: DOWN for {@code ledger.log.rejected-down-for} (a day)
 * after the live consumer refused a record as not verifiably the ledger's, with how many it refused since the service
 * started and the last one's commitment, sequence, log index and reason. Someone who is not the ledger wrote to the
 * event topic, or the ledger's key is not among {@code ledger.log.verifier-keys}: a person should look, and the
 * dead-letter topic keeps the records. It is in neither probe group: the service answers correctly all the same, as
 * the refused records were never applied.
 */
@Component("recordVerification")
class RecordVerificationHealth extends AbstractHealthIndicator {

    private final Rejections rejections;
    private final LedgerKeys keys;
    private final Duration downFor;
    private final Clock clock;

    RecordVerificationHealth(Rejections rejections, LedgerKeys keys, LogProperties properties, Clock clock) {
        super("Record verification health check failed");
        this.rejections = rejections;
        this.keys = keys;
        this.downFor = properties.rejectedDownFor();
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.withDetail(
                        "verifierKeys",
                        keys.verifiers().stream().map(NoteVerifier::verifierKey).toList())
                .withDetail("rejectedRecords", rejections.count());
        rejections
                .last()
                .ifPresentOrElse(
                        last -> {
                            RejectedRecord record = last.record();
                            Map<String, Object> detail = new LinkedHashMap<>();
                            detail.put("commitmentId", record.commitmentId());
                            detail.put("sequence", record.sequence());
                            if (record.logIndex() != null) {
                                detail.put("logIndex", record.logIndex());
                            }
                            detail.put("check", record.check().name());
                            detail.put("reason", record.reason());
                            detail.put("at", last.at().toString());
                            health.withDetail("lastRejected", detail);
                            if (Duration.between(last.at(), clock.instant()).compareTo(downFor) < 0) {
                                health.down();
                            } else {
                                health.up();
                            }
                        },
                        health::up);
    }
}
