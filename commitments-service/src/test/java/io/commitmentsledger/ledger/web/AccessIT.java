package io.commitmentsledger.ledger.web;

import static io.commitmentsledger.ledger.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.security.EndpointRules;
import io.commitmentsledger.security.testing.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may use which endpoint, over every endpoint the service maps: a table of them all (a new endpoint without a row
 * here fails {@link #everyEndpointTheServiceMapsHasARowHereAndARuleThere}), each tried by every kind of caller who
 * must be refused, with every token a forger might send, and by the callers who may. A refusal is a problem naming
 * why, and records nothing: no event, no idempotency record.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AccessIT {

    /** What an endpoint is for, and so who may use it. */
    enum Use {
        OPEN,
        COMMAND,
        READ,
        REPUBLICATION
    }

    /**
     * One endpoint: its method and mapped pattern, what it is for, and a request that would be accepted from a caller
     * who may use it ({@code {id}} is a commitment both JP/METI and GB/DSIT are parties to; bodies name no actor).
     */
    record Endpoint(
            HttpMethod method,
            String pattern,
            Use use,
            String path,
            @Nullable String body) {

        String path(String commitmentId) {
            return path.replace("{id}", commitmentId);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static final String COMMITMENTS = "/api/v1/commitments";

    static final List<Endpoint> ENDPOINTS = List.of(
            command(COMMITMENTS, COMMITMENTS, null),
            command(COMMITMENTS + "/{commitmentId}/confirmations", "/confirmations", """
                    {"confirmedOn": "2024-01-16"}"""),
            command(COMMITMENTS + "/{commitmentId}/workshops", "/workshops", """
                    {"workshopId": "access-workshop", "title": "Workshop", "when": {"quarter": "2024-Q1"},
                     "format": "ONLINE", "host": "GB", "scheduledOn": "2024-01-16"}"""),
            command(
                    COMMITMENTS + "/{commitmentId}/workshops/{workshopId}/reschedulings",
                    "/workshops/access-w/reschedulings",
                    """
                    {"when": {"quarter": "2024-Q2"}, "format": "ONLINE", "reason": "Moved", "rescheduledOn": "2024-02-01"}"""),
            command(
                    COMMITMENTS + "/{commitmentId}/workshops/{workshopId}/cancellation",
                    "/workshops/access-w/cancellation",
                    """
                    {"reason": "Called off", "cancelledOn": "2024-02-01"}"""),
            command(COMMITMENTS + "/{commitmentId}/workshops/{workshopId}/outcome", "/workshops/access-w/outcome", """
                    {"heldOn": "2024-03-01", "outcome": "Held"}"""),
            command(COMMITMENTS + "/{commitmentId}/progress-reports", "/progress-reports", """
                    {"note": "Progress", "reportedOn": "2024-02-01"}"""),
            command(COMMITMENTS + "/{commitmentId}/completions", "/completions", """
                    {"completedOn": "2024-03-28", "evidence": "Done"}"""),
            command(COMMITMENTS + "/{commitmentId}/amendments", "/amendments", """
                    {"target": {"quarter": "2025-Q1"}, "reason": "Later", "amendedOn": "2024-02-01"}"""),
            command(COMMITMENTS + "/{commitmentId}/agreement-date-corrections", "/agreement-date-corrections", """
                    {"agreedOn": "2024-01", "reason": "The source gives only the month", "correctedOn": "2024-02-01"}"""),
            command(COMMITMENTS + "/{commitmentId}/withdrawal", "/withdrawal", """
                    {"reason": "No longer pursued", "withdrawnOn": "2024-02-01"}"""),
            new Endpoint(
                    HttpMethod.POST,
                    "/api/v1/admin/republications",
                    Use.REPUBLICATION,
                    "/api/v1/admin/republications",
                    """
                    {"commitmentId": "{id}", "fromSequence": 0, "toSequence": 0}"""),
            read("/api/v1/commitments/{commitmentId}/events", COMMITMENTS + "/{id}/events"),
            read("/api/v1/events/{globalPosition}", "/api/v1/events/1"),
            read("/api/v1/commitments/{commitmentId}/verification", COMMITMENTS + "/{id}/verification"),
            read("/api/v1/ledger/export", "/api/v1/ledger/export"),
            read("/api/v1/log/checkpoint", "/api/v1/log/checkpoint"),
            read("/api/v1/log/checkpoints/{treeSize}", "/api/v1/log/checkpoints/1"),
            read("/api/v1/log/verifier-keys", "/api/v1/log/verifier-keys"),
            read("/api/v1/log/inclusion", "/api/v1/log/inclusion?logIndex=0&treeSize=1"),
            read("/api/v1/log/consistency", "/api/v1/log/consistency?from=1&to=1"),
            read("/api/v1/log/entries/{logIndex}/tlog-proof", "/api/v1/log/entries/0/tlog-proof"),
            read(
                    "/api/v1/events/{eventId}/tlog-proof",
                    "/api/v1/events/00000000-0000-4000-8000-000000000000/tlog-proof"),
            open("/v3/api-docs"),
            open("/v3/api-docs.yaml"),
            open("/v3/api-docs/swagger-config"),
            open("/swagger-ui.html"),
            open("/error"));

    static Endpoint command(String pattern, String path, @Nullable String body) {
        return new Endpoint(
                HttpMethod.POST,
                pattern,
                Use.COMMAND,
                path.startsWith("/api") ? path : COMMITMENTS + "/{id}" + path,
                body);
    }

    static Endpoint read(String pattern, String path) {
        return new Endpoint(HttpMethod.GET, pattern, Use.READ, path, null);
    }

    static Endpoint open(String pattern) {
        return new Endpoint(HttpMethod.GET, pattern, Use.OPEN, pattern, null);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    EndpointRules rules;

    @Autowired
    JdbcTemplate jdbc;

    LedgerClient client;
    String commitmentId;

    @BeforeAll
    void agreeACommitmentOfJapanAndTheUnitedKingdom() {
        client = new LedgerClient(port);
        commitmentId = client.agreeNew("access");
    }

    @Test
    void everyEndpointTheServiceMapsHasARowHereAndARuleThere() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                    info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    mapped.add("GET " + pattern);
                }
                methods.forEach(method -> mapped.add(method + " " + pattern));
            }
        }
        Set<String> tabled = new TreeSet<>();
        ENDPOINTS.forEach(endpoint -> tabled.add(endpoint.toString()));

        assertThat(tabled)
                .as("every endpoint the service maps needs a row in ENDPOINTS, saying who may use it")
                .isEqualTo(mapped);
        for (Endpoint endpoint : ENDPOINTS) {
            String expected = switch (endpoint.use()) {
                case OPEN -> "open";
                case COMMAND -> LedgerAccess.COMMANDS_NEED_AN_AGENCY.name();
                case READ -> LedgerAccess.READS_NEED_AN_AGENCY_OR_AUDITOR.name();
                case REPUBLICATION -> LedgerAccess.REPUBLICATIONS_NEED_AN_ADMIN.name();
            };
            assertThat(rules.ruleFor(endpoint.method(), endpoint.path("x").replaceAll("\\?.*", "")))
                    .as("the rule of %s", endpoint)
                    .hasValueSatisfying(row -> assertThat(row.rule().name()).isEqualTo(expected));
        }
    }

    /** Everyone who must be refused, at every endpoint, with the answer each must get. */
    Stream<Arguments> refusals() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.use() == Use.OPEN) {
                continue;
            }
            cases.add(Arguments.of(endpoint, "no token", LedgerClient.NO_TOKEN, null, 401, null));
            switch (endpoint.use()) {
                case COMMAND -> {
                    String rule = LedgerAccess.COMMANDS_NEED_AN_AGENCY.name();
                    cases.add(Arguments.of(endpoint, "an auditor", TestIssuer.auditor(), null, 403, rule));
                    cases.add(Arguments.of(endpoint, "an admin", TestIssuer.admin(), null, 403, rule));
                    cases.add(Arguments.of(
                            endpoint,
                            "an agency token naming no agency",
                            TestIssuer.token().roles("agency").signed(),
                            null,
                            403,
                            rule));
                    String notAParty = "acting-agency-acts-for-a-party";
                    cases.add(Arguments.of(
                            endpoint,
                            "an agency of neither party (FR/DGE)",
                            TestIssuer.agency("FR/DGE"),
                            null,
                            403,
                            notAParty));
                    cases.add(Arguments.of(
                            endpoint,
                            "a Japanese agency the commitment does not name (JP/MIC)",
                            TestIssuer.agency("JP/MIC"),
                            null,
                            403,
                            notAParty));
                    cases.add(Arguments.of(
                            endpoint,
                            "JP/METI naming GB/DSIT as the actor",
                            TestIssuer.agency("JP/METI"),
                            "GB/DSIT",
                            403,
                            "actor-is-the-caller"));
                    cases.add(Arguments.of(
                            endpoint,
                            "GB/DSIT naming JP/METI as the actor",
                            TestIssuer.agency("GB/DSIT"),
                            "JP/METI",
                            403,
                            "actor-is-the-caller"));
                }
                case READ ->
                    cases.add(Arguments.of(
                            endpoint,
                            "an admin",
                            TestIssuer.admin(),
                            null,
                            403,
                            LedgerAccess.READS_NEED_AN_AGENCY_OR_AUDITOR.name()));
                case REPUBLICATION -> {
                    String rule = LedgerAccess.REPUBLICATIONS_NEED_AN_ADMIN.name();
                    cases.add(Arguments.of(endpoint, "an auditor", TestIssuer.auditor(), null, 403, rule));
                    cases.add(Arguments.of(endpoint, "an agency", TestIssuer.agency("JP/METI"), null, 403, rule));
                }
                default -> {}
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} by {1}: {4} {5}")
    @MethodSource("refusals")
    void refusedCallersGetAProblemAndRecordNothing(
            Endpoint endpoint,
            String caller,
            String authorization,
            @Nullable String statedActor,
            int status,
            @Nullable String rule) {
        long[] before = recorded();

        Response response = send(endpoint, authorization, statedActor);

        if (status == 401) {
            assertProblem(response, 401, "unauthorized");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        } else {
            assertProblem(response, 403, "forbidden");
            assertThat(response.json().get("rule").asString()).isEqualTo(rule);
        }
        assertThat(recorded()).as("events and idempotency records").containsExactly(before);
    }

    /** Tokens that must not authenticate anyone, each sent by a forger or a stale client. */
    static Stream<Arguments> badTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of(
                        "expired",
                        TestIssuer.token()
                                .agency("JP/METI")
                                .roles("agency")
                                .claim("iat", now.minus(Duration.ofMinutes(10)))
                                .notBefore(now.minus(Duration.ofMinutes(10)))
                                .expiresAt(now.minus(Duration.ofMinutes(2)))
                                .signed()),
                Arguments.of(
                        "not yet valid",
                        TestIssuer.token()
                                .agency("JP/METI")
                                .roles("agency")
                                .notBefore(now.plus(Duration.ofMinutes(2)))
                                .signed()),
                Arguments.of(
                        "another issuer",
                        TestIssuer.token()
                                .agency("JP/METI")
                                .roles("agency")
                                .issuer("https://login.example.org")
                                .signed()),
                Arguments.of(
                        "another audience",
                        TestIssuer.token()
                                .agency("JP/METI")
                                .roles("agency")
                                .audience("another-service")
                                .signed()),
                Arguments.of(
                        "alg none",
                        TestIssuer.token().agency("JP/METI").roles("agency").unsigned()),
                Arguments.of(
                        "signed by another key",
                        TestIssuer.token().agency("JP/METI").roles("agency").signedByAnotherKey()),
                Arguments.of(
                        "the issuer's public key as an HMAC secret",
                        TestIssuer.token().agency("JP/METI").roles("agency").signedWithPublicKeyAsHmacSecret()),
                Arguments.of(
                        "payload changed after signing (MIC made METI)",
                        TestIssuer.token().agency("JP/MIC").roles("agency").tampered("agency", "JP/METI")),
                Arguments.of(
                        "an auditor's payload given the agency role",
                        TestIssuer.token().roles("auditor").tampered("roles", List.of("agency", "auditor"))),
                Arguments.of("not a JWT", "Bearer this-is-not-a-token"),
                Arguments.of("another scheme", "Basic am9lOnNlY3JldA=="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badTokensAreRefusedOnCommandsAndReads(String what, String authorization) {
        long[] before = recorded();

        Response command = send(ENDPOINTS.get(6), authorization, null);
        Response read = send(
                ENDPOINTS.stream()
                        .filter(endpoint -> endpoint.use() == Use.READ)
                        .findFirst()
                        .orElseThrow(),
                authorization,
                null);

        for (Response response : List.of(command, read)) {
            assertProblem(response, 401, "unauthorized");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        if (authorization.startsWith("Bearer")) {
            assertThat(command.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        }
        assertThat(recorded()).containsExactly(before);
    }

    @Test
    void eachPartysAgencyActsForItsOwnPartyAndTheActorComesFromTheToken() {
        String id = client.agreeNew("access-own");

        Response japan = client.post(
                COMMITMENTS + "/" + id + "/confirmations", """
                {"confirmedOn": "2024-01-16"}""", "Authorization", TestIssuer.agency("JP/METI"));
        Response britain = client.post(
                COMMITMENTS + "/" + id + "/confirmations", """
                {"confirmedOn": "2024-01-16", "actingAgency": "GB/DSIT"}""", "Authorization", TestIssuer.agency("GB/DSIT"));

        assertThat(japan.status()).isEqualTo(200);
        assertThat(britain.status()).isEqualTo(200);
        var events = client.get(COMMITMENTS + "/" + id + "/events").json().get("events");
        assertThat(events.get(1).get("payload").get("actor").asString()).isEqualTo("JP/METI");
        assertThat(events.get(2).get("payload").get("actor").asString()).isEqualTo("GB/DSIT");
    }

    @Test
    void theOtherPartyMayAgreeAndAgenciesAndAuditorsRead() {
        String id = LedgerClient.uniqueId("access-agree");
        ObjectNode body = (ObjectNode) JSON.readTree(LedgerClient.agreeBody(id));
        body.remove("actingAgency");

        assertThat(client.post(COMMITMENTS, body.toString(), "Authorization", TestIssuer.agency("GB/DSIT"))
                        .status())
                .isEqualTo(201);
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.use() == Use.READ) {
                for (String reader : List.of(TestIssuer.auditor(), TestIssuer.agency("FR/DGE"))) {
                    assertThat(send(endpoint, reader, null).status())
                            .as("%s", endpoint)
                            .isNotIn(401, 403);
                }
            }
        }
        Endpoint republication = ENDPOINTS.stream()
                .filter(endpoint -> endpoint.use() == Use.REPUBLICATION)
                .findFirst()
                .orElseThrow();
        assertThat(send(republication, TestIssuer.admin(), null).status()).isEqualTo(200);
    }

    @Test
    void anIdempotencyKeyFromAnotherAgencyIsNotAnsweredWithTheFirstAgencysOutcome() {
        String key = LedgerClient.uniqueId("access-key");
        String body = """
                {"note": "Progress", "reportedOn": "2024-02-01"}""";
        String path = COMMITMENTS + "/" + commitmentId + "/progress-reports";

        Response japan = client.post(path, body, "Idempotency-Key", key, "Authorization", TestIssuer.agency("JP/METI"));
        Response britain =
                client.post(path, body, "Idempotency-Key", key, "Authorization", TestIssuer.agency("GB/DSIT"));
        Response japanAgain =
                client.post(path, body, "Idempotency-Key", key, "Authorization", TestIssuer.agency("JP/METI"));

        assertThat(japan.status()).isEqualTo(200);
        assertProblem(britain, 422, "idempotency-key-reused");
        assertThat(japanAgain.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void refusalsAreLoggedWithTheCallerAndTheRuleButNeverTheToken(CapturedOutput output) {
        String forbidden = TestIssuer.token()
                .subject("gb-dsit-system")
                .agency("GB/DSIT")
                .roles("agency")
                .signed();
        String expired = TestIssuer.token()
                .subject("stale-system")
                .claim("iat", Instant.now().minus(Duration.ofMinutes(10)))
                .notBefore(Instant.now().minus(Duration.ofMinutes(10)))
                .expiresAt(Instant.now().minus(Duration.ofMinutes(2)))
                .signed();

        send(ENDPOINTS.get(6), forbidden, "JP/METI");
        send(ENDPOINTS.get(6), expired, null);

        assertThat(output.getAll())
                .contains(
                        "from gb-dsit-system (GB/DSIT)",
                        "403, rule actor-is-the-caller",
                        "401, the bearer token was refused")
                .doesNotContain(forbidden.substring("Bearer ".length()))
                .doesNotContain(expired.substring("Bearer ".length()))
                .doesNotContain(forbidden.substring("Bearer ".length()).split("\\.")[2]);
    }

    @Test
    void theProtectedResourceMetadataNamesTheIssuer() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(client.uri("/.well-known/oauth-protected-resource"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        var metadata = JSON.readTree(response.body());
        assertThat(metadata.get("authorization_servers").get(0).asString()).isEqualTo(TestIssuer.issuer());
        assertThat(metadata.get("tls_client_certificate_bound_access_tokens").asBoolean())
                .isFalse();
    }

    @Test
    void probesAndTheApiDocumentStayOpen() {
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.use() == Use.OPEN && !endpoint.path().equals("/error")) {
                assertThat(client.uri(endpoint.path())).isNotNull();
                assertThat(send(endpoint, LedgerClient.NO_TOKEN, null).status())
                        .as("%s", endpoint)
                        .isIn(200, 302);
            }
        }
    }

    private Response send(Endpoint endpoint, String authorization, @Nullable String statedActor) {
        String path = endpoint.path(
                endpoint.use() == Use.COMMAND && endpoint.pattern().equals(COMMITMENTS) ? "unused" : commitmentId);
        if (endpoint.method() == HttpMethod.GET) {
            return client.get(path, "Authorization", authorization);
        }
        String body = endpoint.body() == null
                ? LedgerClient.agreeBody(LedgerClient.uniqueId("access-refused"))
                : endpoint.body().replace("{id}", commitmentId);
        ObjectNode json = (ObjectNode) JSON.readTree(body);
        json.remove("actingAgency");
        if (statedActor != null) {
            json.put("actingAgency", statedActor);
        }
        return client.post(path, json.toString(), "Authorization", authorization);
    }

    /** Events in the store, and idempotency records. */
    private long[] recorded() {
        return new long[] {
            jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class),
            jdbc.queryForObject("SELECT count(*) FROM idempotency_record", Long.class)
        };
    }
}
