package io.commitmentsledger.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.projection.rebuild.RebuildStatus;
import io.commitmentsledger.projection.rebuild.Rebuilder;
import io.commitmentsledger.projection.store.Generation;
import io.commitmentsledger.projection.store.Generations;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.Http.Response;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import io.commitmentsledger.security.EndpointRules;
import io.commitmentsledger.security.testing.TestIssuer;
import io.commitmentsledger.security.testing.TestIssuer.Token;
import io.commitmentsledger.web.problems.RawHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Who may use each endpoint of projection-service, tried with real tokens from {@link TestIssuer} over HTTP. The table
 * below has a row for every endpoint Spring maps (the controllers' and the actuator's, read from the handler mappings),
 * so that an endpoint added without a row, or without a rule of its own in {@link EndpointRules}, fails the build. Each
 * row is tried with no token, a token of no known role, an agency's, an auditor's and an admin's; then the forged and
 * broken tokens are tried on a read and on the rebuild, and a refused rebuild must not have started one. Every
 * response under {@code /api/} is also checked against the OpenAPI document ({@link Http}), 401 and 403 included.
 */
@ProjectionIntegrationTest
class AccessIT {

    private static final String PROBLEMS = "https://commitments-ledger.dev/problems/";
    private static final String READS = "reads-need-an-agency-or-auditor";
    private static final String REBUILDS = "rebuilds-need-an-admin";
    private static final String REBUILD_PROGRESS = "rebuild-progress-needs-an-admin-or-auditor";
    private static final String MONITORING = "monitoring-needs-an-auditor-or-admin";

    /** Who may use an endpoint: the rule's name, and which callers it lets in. */
    enum Access {
        OPEN("open", Set.of(Caller.values())),
        /** The HTML pages: open unless ledger.pages.public=false (ClosedPagesIT). */
        PAGE("open", Set.of(Caller.values())),
        READ(READS, Set.of(Caller.AGENCY, Caller.AUDITOR)),
        REBUILD(REBUILDS, Set.of(Caller.ADMIN)),
        PROGRESS(REBUILD_PROGRESS, Set.of(Caller.AUDITOR, Caller.ADMIN)),
        MONITOR(MONITORING, Set.of(Caller.AUDITOR, Caller.ADMIN));

        final String rule;
        final Set<Caller> allowed;

        Access(String rule, Set<Caller> allowed) {
            this.rule = rule;
            this.allowed = allowed;
        }
    }

    /** The callers each row is tried with; the admin last, so that its rebuild is the only one started. */
    enum Caller {
        NONE(() -> null),
        NO_KNOWN_ROLE(
                () -> TestIssuer.token().subject("stranger").roles("superuser").signed()),
        AGENCY(() -> TestIssuer.agency("JP/METI")),
        AUDITOR(TestIssuer::auditor),
        ADMIN(TestIssuer::admin);

        final Supplier<@Nullable String> authorization;

        Caller(Supplier<@Nullable String> authorization) {
            this.authorization = authorization;
        }
    }

    /**
     * One endpoint: how Spring maps it ({@code GET /api/v1/commitments/{commitmentId}}, {@code ANY} for every method;
     * null for a static resource, which no handler mapping lists), a request to it, its access, and what an allowed
     * caller gets.
     */
    record Row(@Nullable String mapping, String method, String path, Access access, Set<Integer> allowedStatuses) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Row> TABLE = List.of(
            api("GET /api/v1/commitments", "/api/v1/commitments", Access.READ, 200),
            api(
                    "GET /api/v1/commitments/{commitmentId}",
                    "/api/v1/commitments/access-no-such-commitment",
                    Access.READ,
                    404),
            api(
                    "GET /api/v1/commitments/{commitmentId}/timeline",
                    "/api/v1/commitments/access-no-such-commitment/timeline",
                    Access.READ,
                    404),
            api(
                    "GET /api/v1/partnerships/{partnershipId}/overview",
                    "/api/v1/partnerships/access-no-such-partnership/overview",
                    Access.READ,
                    200),
            new Row("POST /api/v1/admin/rebuilds", "POST", "/api/v1/admin/rebuilds", Access.REBUILD, Set.of(202)),
            // 404 until a rebuild has run in this context
            new Row(
                    "GET /api/v1/admin/rebuilds/current",
                    "GET",
                    "/api/v1/admin/rebuilds/current",
                    Access.PROGRESS,
                    Set.of(200, 404)),
            api("GET /", "/", Access.PAGE, 200),
            api("GET /partnerships/{partnershipId}", "/partnerships/access-no-such-partnership", Access.PAGE, 404),
            api("GET /commitments", "/commitments", Access.PAGE, 200),
            api("GET /commitments/{commitmentId}", "/commitments/access-no-such-commitment", Access.PAGE, 404),
            new Row(null, "GET", "/ledger.css", Access.PAGE, Set.of(200)),
            // asked for directly, the error path is an unknown path
            api("ANY /error", "/error", Access.OPEN, 404),
            api("GET /v3/api-docs", "/v3/api-docs", Access.OPEN, 200),
            api("GET /v3/api-docs.yaml", "/v3/api-docs.yaml", Access.OPEN, 200),
            api("GET /v3/api-docs/swagger-config", "/v3/api-docs/swagger-config", Access.OPEN, 200),
            new Row("GET /swagger-ui.html", "GET", "/swagger-ui.html", Access.OPEN, Set.of(200, 302)),
            new Row(null, "GET", "/swagger-ui/index.html", Access.OPEN, Set.of(200)),
            // DOWN (503) while records other tests sent are rejected
            new Row("GET /actuator/health", "GET", "/actuator/health", Access.OPEN, Set.of(200, 503)),
            api("GET /actuator/health/**", "/actuator/health/readiness", Access.OPEN, 200),
            api("GET /actuator", "/actuator", Access.MONITOR, 200),
            api("GET /actuator/info", "/actuator/info", Access.MONITOR, 200),
            api("GET /actuator/metrics", "/actuator/metrics", Access.MONITOR, 200),
            api(
                    "GET /actuator/metrics/{requiredMetricName}",
                    "/actuator/metrics/jvm.memory.used",
                    Access.MONITOR,
                    200));

    private static Row api(String mapping, String path, Access access, int allowedStatus) {
        return new Row(mapping, "GET", path, access, Set.of(allowedStatus));
    }

    @LocalServerPort
    int port;

    @Autowired
    List<RequestMappingInfoHandlerMapping> handlerMappings;

    @Autowired
    EndpointRules rules;

    @Autowired
    Rebuilder rebuilder;

    @Autowired
    Generations generations;

    @Test
    void everyEndpointTheServiceMapsHasARowInThisTable() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : handlerMappings) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
                for (String pattern : info.getPatternValues()) {
                    // the actuator's health groups are /** or {*path}, as the context's path matching has it
                    mapped.add((methods.isEmpty() ? "ANY" : String.join(",", methods)) + " "
                            + pattern.replaceAll("\\{\\*\\w+}", "**"));
                }
            }
        }
        Set<String> inTable = new TreeSet<>();
        TABLE.stream().map(Row::mapping).filter(m -> m != null).forEach(inTable::add);

        assertThat(inTable)
                .as("endpoints Spring maps, each of which needs a row in AccessIT's table and a rule in"
                        + " AccessConfiguration")
                .isEqualTo(mapped);
    }

    @Test
    void everyRowHasARuleOfItsOwnInTheServicesEndpointRules() {
        for (Row row : TABLE) {
            Optional<EndpointRules.EndpointRule> rule = rules.ruleFor(HttpMethod.valueOf(row.method()), row.path());
            assertThat(rule).as("the rule for %s", row).isPresent();
            assertThat(rule.get().rule().name()).as("the rule for %s", row).isEqualTo(row.access().rule);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachCallerGetsWhatTheRowsAccessAllows() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : TABLE) {
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(row + " as " + caller, () -> tryRow(row, caller)));
            }
        }
        return tests.stream();
    }

    private void tryRow(Row row, Caller caller) {
        RebuildState before = rebuildState();
        Response response = send(row, caller.authorization.get());
        if (row.access().allowed.contains(caller)) {
            assertThat(response.status())
                    .as("%s as %s: %s", row, caller, response.body())
                    .isIn(row.allowedStatuses());
            if (row.access() == Access.REBUILD) {
                awaitRebuildDone();
            }
        } else if (caller == Caller.NONE) {
            assertUnauthorized(response, false);
        } else {
            assertForbidden(response, row.access().rule);
        }
        if (row.access() == Access.REBUILD && !row.access().allowed.contains(caller)) {
            assertThat(rebuildState()).as("a refused rebuild started none").isEqualTo(before);
        }
    }

    /** A token that is not one this service accepts, on a read (needing an agency or auditor) and on the rebuild. */
    record BadToken(String name, Function<Token, String> forge) {}

    private static List<BadToken> badTokens() {
        Instant now = Instant.now();
        return List.of(
                new BadToken(
                        "expired a minute past the clock skew",
                        token -> token.claim("iat", now.minus(Duration.ofMinutes(10)))
                                .notBefore(now.minus(Duration.ofMinutes(10)))
                                .expiresAt(now.minus(Duration.ofSeconds(90)))
                                .signed()),
                new BadToken(
                        "not valid for another five minutes",
                        token -> token.notBefore(now.plus(Duration.ofMinutes(5)))
                                .expiresAt(now.plus(Duration.ofMinutes(10)))
                                .signed()),
                new BadToken("without an expiry", token -> token.without("exp").signed()),
                new BadToken(
                        "of another issuer",
                        token -> token.issuer("https://issuer.example.org").signed()),
                new BadToken(
                        "for another audience",
                        token -> token.audience("another-service").signed()),
                new BadToken("alg none", Token::unsigned),
                new BadToken("signed by another key under the issuer's key id", Token::signedByAnotherKey),
                new BadToken("HS256 with the issuer's public key as secret", Token::signedWithPublicKeyAsHmacSecret),
                new BadToken("garbage", token -> "Bearer not.a.token"),
                new BadToken("not even base64url", token -> "Bearer ~~~~"),
                new BadToken("Basic credentials instead of a bearer token", token -> "Basic YWRtaW46YWRtaW4="));
    }

    @TestFactory
    Stream<DynamicTest> aForgedOrBrokenTokenIsAnswered401OnARead() {
        return badTokens().stream()
                .map(bad -> DynamicTest.dynamicTest(bad.name(), () -> {
                    Response response = http().withAuthorization(bad.forge()
                                    .apply(TestIssuer.token().subject("auditor").roles("auditor")))
                            .get("/api/v1/commitments");
                    assertUnauthorized(response, !bad.name().startsWith("Basic"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> aForgedOrBrokenTokenIsAnswered401OnTheRebuildAndStartsNone() {
        return badTokens().stream()
                .map(bad -> DynamicTest.dynamicTest(bad.name(), () -> {
                    RebuildState before = rebuildState();
                    Response response = http().withAuthorization(bad.forge()
                                    .apply(TestIssuer.token().subject("admin").roles("admin")))
                            .post("/api/v1/admin/rebuilds");
                    assertUnauthorized(response, !bad.name().startsWith("Basic"));
                    assertThat(rebuildState())
                            .as("a refused rebuild started none")
                            .isEqualTo(before);
                }));
    }

    @Test
    void aTokenWhosePayloadWasChangedAfterSigningIsAnswered401() {
        // an admin's token made to say auditor, so that it could read; and an auditor's made to say admin
        String read = TestIssuer.token().subject("admin").roles("admin").tampered("roles", List.of("auditor"));
        String rebuild = TestIssuer.token().subject("auditor").roles("auditor").tampered("roles", List.of("admin"));
        RebuildState before = rebuildState();

        assertUnauthorized(http().withAuthorization(read).get("/api/v1/commitments"), true);
        assertUnauthorized(http().withAuthorization(rebuild).post("/api/v1/admin/rebuilds"), true);
        assertThat(rebuildState()).as("a refused rebuild started none").isEqualTo(before);
    }

    @Test
    void aHeadIsARead() {
        // HEAD is in no OpenAPI operation, so sent raw, past the contract check
        RawHttp raw = new RawHttp(port);
        RawHttp.Response anonymous = raw.send("HEAD /api/v1/commitments HTTP/1.1");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(raw.send("HEAD /api/v1/commitments HTTP/1.1", "Authorization: " + TestIssuer.auditor())
                        .status())
                .isEqualTo(200);
        assertThat(raw.send("HEAD /api/v1/commitments HTTP/1.1", "Authorization: " + TestIssuer.admin())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void withoutATokenNothingUnderTheApiSaysWhetherItExists() {
        RawHttp raw = new RawHttp(port);
        for (String request : List.of(
                "GET /api/v1/no-such-resource HTTP/1.1",
                "DELETE /api/v1/commitments HTTP/1.1",
                "POST /api/v1/commitments HTTP/1.1",
                "GET /api/v1/admin/rebuilds HTTP/1.1")) {
            RawHttp.Response response = raw.send(request);
            assertThat(response.status()).as(request).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(request).startsWith("Bearer");
            assertThat(response.json().get("type").asString()).as(request).isEqualTo(PROBLEMS + "unauthorized");
        }
    }

    /** What a rebuild changes: its status and the generation that answers. */
    record RebuildState(@Nullable Instant startedAt, Generation active, List<Generation> leftovers) {}

    private RebuildState rebuildState() {
        return new RebuildState(
                rebuilder.status().map(RebuildStatus::startedAt).orElse(null),
                generations.active(),
                generations.leftovers());
    }

    private void awaitRebuildDone() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rebuilder
                        .status()
                        .map(status -> status.state() == RebuildStatus.State.DONE)
                        .orElse(false));
    }

    private Http http() {
        return new Http(port);
    }

    private Response send(Row row, @Nullable String authorization) {
        Http http = authorization == null ? http().anonymous() : http().withAuthorization(authorization);
        return row.method().equals("POST") ? http.post(row.path()) : http.get(row.path());
    }

    /** 401 as RFC 6750 and 9457 say: WWW-Authenticate Bearer (naming the refused token's error) and a problem. */
    private static void assertUnauthorized(Response response, boolean tokenWasSent) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.wwwAuthenticate()).startsWith("Bearer");
        if (tokenWasSent) {
            assertThat(response.wwwAuthenticate()).contains("error=\"invalid_");
        }
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "unauthorized");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }

    private static void assertForbidden(Response response, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "forbidden");
        assertThat(response.json().get("rule").asString()).isEqualTo(rule);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }
}
