package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.FAR_AHEAD;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.Http.Response;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Query parameters the read API cannot use are refused with a 400 problem naming the parameter, sent over HTTP exactly
 * as written (percent-escapes included), never answered with a 500.
 */
@ProjectionIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryInputIT {

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    Http http;
    CommitmentId known;

    @BeforeAll
    void publishACommitment() {
        http = new Http(port);
        known = newId("query-input");
        try (LedgerTopic topic = new LedgerTopic(brokers)) {
            topic.publish(agreed(known, "jp-uk-digital-partnership", "ai", "Secure AI models", FAR_AHEAD), 0);
        }
        http.awaitVersion(known, 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/commitments?size=%FF                                     | size",
                "/api/v1/commitments?unused=%C3%28                                | unused",
                "/api/v1/commitments?q=%00                                        | q",
                "/api/v1/commitments?q=a%07b                                      | q",
                "/api/v1/commitments?partnership=%00                              | partnership",
                "/api/v1/commitments?area=ai%00                                   | area",
                "/api/v1/commitments?party=%00                                    | party",
                "/api/v1/commitments?page=-1                                      | page",
                "/api/v1/commitments?size=0                                       | size",
                "/api/v1/commitments?size=101                                     | size",
                "/api/v1/commitments?overdue=%FF                                  | overdue",
                "/api/v1/commitments/{id}?asOf=-1000000000-01-01T00:00:00Z        | asOf",
                "/api/v1/commitments/{id}?asOf=%2B1000000000-01-01T00:00:00Z      | asOf",
                "/api/v1/commitments/{id}/timeline?asOf=-1000000000-01-01T00:00:00Z | asOf",
                "/api/v1/commitments/{id}?wait=%FF                                | wait",
                "/api/v1/commitments/{id}?minVersion=0&wait=9223372036854775807d  | wait",
                "/api/v1/commitments/{id}?minVersion=-1                           | minVersion",
            })
    void refusesAParameterItCannotUseWithA400ProblemNamingIt(String path, String parameter) {
        Response response = http.getRaw(path.replace("{id}", known.value()));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString())
                .isEqualTo("https://commitments-ledger.dev/problems/invalid-request");
        assertThat(response.json().get("parameter").asString()).isEqualTo(parameter);
    }

    /** Found by LedgerFuzz: a parameter name Spring Security's firewall refuses (a NUL in it) was a 500. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/commitments?%00",
                "/api/v1/commitments?a%00b=x",
                "/api/v1/commitments/{id}?%00=1",
                "/?%00",
                "/commitments/{id}?%00=x"
            })
    void refusesAParameterTheFirewallRefusesWithA400Problem(String path) {
        Response response = http.getRaw(path.replace("{id}", known.value()));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString())
                .isEqualTo("https://commitments-ledger.dev/problems/invalid-request");
    }
}
