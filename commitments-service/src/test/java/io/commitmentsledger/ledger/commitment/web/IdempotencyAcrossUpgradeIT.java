package io.commitmentsledger.ledger.commitment.web;

import static io.commitmentsledger.ledger.support.LedgerClient.agreeBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.commitment.application.IdempotentRequest;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agency that retries after the ledger was upgraded gets the answer its key first recorded. Before issue 13 a
 * target was always the object {@code {"date", "quarter"}}, and the ledger fingerprinted requests with both members
 * written out; a retry of such a request after the upgrade must fingerprint the same, or it is refused as a different
 * request (422) for having done nothing wrong. Found by loading the seeds into a ledger that had loaded them before.
 */
@LedgerIntegrationTest
class IdempotencyAcrossUpgradeIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRetryOfAnAgreementFingerprintedBeforeTheUpgradeIsAnsweredAsBefore() {
        String id = LedgerClient.uniqueId("upgrade-retry");
        String key = "retry-" + id;
        LedgerClient client = new LedgerClient(port);
        assertThat(client.post("/api/v1/commitments", agreeBody(id), "Idempotency-Key", "first-" + id)
                        .status())
                .isEqualTo(201);
        jdbc.update(
                "INSERT INTO idempotency_record (idempotency_key, request_fingerprint, commitment_id, version, recorded)"
                        + " VALUES (?, ?, ?, 0, true)",
                key,
                IdempotentRequest.of(key, "POST", "/api/v1/commitments", fingerprintedBeforeTheUpgrade(id))
                        .fingerprint(),
                id);

        LedgerClient.Response retry = client.post("/api/v1/commitments", agreeBody(id), "Idempotency-Key", key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    /** {@link LedgerClient#agreeBody} as the ledger before issue 13 wrote it into a fingerprint. */
    private static String fingerprintedBeforeTheUpgrade(String id) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("date", null);
        target.put("quarter", "2024-Q1");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commitmentId", id);
        body.put("partnershipId", "jp-uk-digital-partnership");
        body.put("area", "semiconductors");
        body.put("title", "Industry-academia-government semiconductor workshop");
        body.put("description", "Explore further semiconductor cooperation initiatives");
        body.put("parties", List.of(party("JP", "METI"), party("GB", "DSIT")));
        body.put("target", target);
        body.put("agreedOn", "2024-01-16");
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("title", "Japan-UK Digital Partnership outcome document");
        source.put("url", "https://www.meti.go.jp/english/press/2024/0116_002.html");
        source.put("section", "2(2)");
        body.put("source", source);
        body.put("actingAgency", "JP/METI");
        return JsonMapper.builder().build().writeValueAsString(body);
    }

    private static Map<String, Object> party(String country, String agency) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("country", country);
        party.put("agencies", List.of(agency));
        return party;
    }
}
