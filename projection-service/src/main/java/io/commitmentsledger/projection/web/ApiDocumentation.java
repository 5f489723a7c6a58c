package io.commitmentsledger.projection.web;

import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.SourceReference;
import io.commitmentsledger.projection.rebuild.RebuildStatus;
import io.commitmentsledger.projection.store.Incident;
import io.commitmentsledger.projection.summary.CommitmentStatus;
import io.commitmentsledger.projection.summary.PartyState;
import io.commitmentsledger.projection.summary.WorkshopView;
import io.commitmentsledger.security.EndpointRules;
import io.commitmentsledger.security.SecurityDocumentation;
import io.commitmentsledger.web.openapi.Problems;
import io.commitmentsledger.web.openapi.RecordSchemas;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * What the query API's OpenAPI document (served at {@code /v3/api-docs}) says, so that it tells the truth: every
 * status each operation answers with its problem types ({@link ProblemResponses}), the response headers, JSON bodies,
 * and which fields are always present and which may be null. Described by path rather than on the controllers, so
 * that the controllers say what they do and this says how it is documented.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String COMMITMENTS = "/api/v1/commitments";
    private static final String COMMITMENT = "/api/v1/commitments/{commitmentId}";
    private static final String TIMELINE = "/api/v1/commitments/{commitmentId}/timeline";
    private static final String OVERVIEW = "/api/v1/partnerships/{partnershipId}/overview";
    private static final String REBUILDS = "/api/v1/admin/rebuilds";
    private static final String CURRENT_REBUILD = "/api/v1/admin/rebuilds/current";

    private static final String SLUG = "^" + Checks.SLUG_FORMAT + "$";
    /** What a request line may hold at most (Tomcat refuses a request line and headers over 8 KB together). */
    private static final int REQUEST_LINE = 8 * 1024;

    @Bean
    OpenAPI queryApi() {
        OpenAPI api = new OpenAPI()
                // The document is served by the service it describes: the API is where the document is.
                .servers(List.of(new Server()
                        .url("/")
                        .description("This service, wherever it runs: local, staging or production")
                        // Called by agency systems and auditors, not only from inside the ledger.
                        .extensions(Map.of("x-internal", false))))
                .info(new Info()
                        .title("Commitments Ledger: queries")
                        .version("v1")
                        .description("Where commitments stand and what happened to them, from the read model"
                                + " projection-service keeps of the ledger's events; and rebuilding that read model."
                                + " Every operation needs an OAuth 2.0 bearer token (bearerAuth): reads an agency's"
                                + " or an auditor's, rebuilding an admin's. Errors are RFC 9457 problem details with"
                                + " a stable type per kind."));
        SecurityDocumentation.declareScheme(api);
        return api;
    }

    @Bean
    OpenApiCustomizer queryApiAsItAnswers(EndpointRules rules) {
        return api -> {
            Problems.addMembers(api, problemMembers());
            RecordSchemas.responses(
                    api,
                    CommitmentView.class,
                    PartyState.class,
                    WorkshopView.class,
                    SourceReference.class,
                    TimelineView.class,
                    TimelineView.Entry.class,
                    OverviewView.class,
                    OverviewView.AreaView.class,
                    QueryController.PageView.class,
                    RebuildStatus.class,
                    Incident.class);
            workshopStates(api);
            Map<String, PathItem> paths = api.getPaths();

            Operation list = paths.get(COMMITMENTS).getGet();
            Problems.success(list, 200, "One page of the commitments that match, ordered by id");
            Problems.add(
                    list,
                    400,
                    "A query parameter that cannot be read: page or size out of range, or a bad status or overdue"
                            + " (invalid-request)");
            anyEndpoint(list);

            for (String path : List.of(COMMITMENT, TIMELINE)) {
                Operation read = paths.get(path).getGet();
                Problems.success(
                        read, 200, path.equals(COMMITMENT) ? "Where the commitment stands" : "Its timeline, in order");
                Problems.add(read, 400, "A bad asOf, minVersion or wait (invalid-request)");
                Problems.add(read, 404, "No such commitment is known, at asOf if given (commitment-not-found)");
                Problems.add(
                                read,
                                503,
                                "minVersion was not reached within wait (version-not-yet-visible): requiredVersion"
                                        + " and currentVersion say how far it is; or the database cannot be reached"
                                        + " (database-unavailable)")
                        .addHeaderObject(
                                HttpHeaders.RETRY_AFTER,
                                Problems.header("Seconds to wait before asking again", Problems.string(10), true));
                anyEndpoint(read);
            }

            Operation overview = paths.get(OVERVIEW).getGet();
            Problems.success(
                    overview, 200, "The partnership's counts; zero counts for a partnership with no commitments");
            anyEndpoint(overview);

            Operation rebuild = paths.get(REBUILDS).getPost();
            Problems.success(rebuild, 202, "The rebuild started; its progress is at Location")
                    .addHeaderObject(
                            HttpHeaders.LOCATION,
                            Problems.header(
                                    "Where its progress is: " + CURRENT_REBUILD,
                                    Problems.string(100).format("uri-reference"),
                                    true));
            Problems.add(rebuild, 409, "A rebuild is already running (rebuild-in-progress)");
            anyEndpoint(rebuild);

            Operation current = paths.get(CURRENT_REBUILD).getGet();
            Problems.success(current, 200, "The current or last rebuild");
            Problems.add(current, 404, "No rebuild has run since the service started (rebuild-not-found)");
            anyEndpoint(current);

            SecurityDocumentation.describe(api, rules, Map.of());
        };
    }

    /** A workshop's state: what its events say, or WINDOW_PASSED, derived from the day asked about. */
    private static void workshopStates(OpenAPI api) {
        Schema<?> state = (Schema<?>) api.getComponents()
                .getSchemas()
                .get("WorkshopView")
                .getProperties()
                .get("state");
        state.description("SCHEDULED (its window has not ended), HELD or CANCELLED as recorded; WINDOW_PASSED when it"
                + " was scheduled, its window ended before today (the asOf day with asOf) and neither a holding nor a"
                + " cancellation is recorded. WINDOW_PASSED is derived when asked, not a recorded fact");
        ((Schema<Object>) state)
                .setEnum(List.of(
                        WorkshopView.SCHEDULED, WorkshopView.HELD, WorkshopView.CANCELLED, WorkshopView.WINDOW_PASSED));
    }

    /**
     * {@code rule}, as a 403 {@code forbidden} carries it; {@code requiredVersion} and {@code currentVersion}, as a
     * 503 {@code version-not-yet-visible} carries them.
     */
    private static Map<String, Schema<?>> problemMembers() {
        Map<String, Schema<?>> members = new LinkedHashMap<>();
        members.put(
                "rule",
                Problems.string(100)
                        .description("forbidden: the name of the access rule that refused the caller, such as"
                                + " reads-need-an-agency-or-auditor"));
        members.put(
                "requiredVersion",
                Problems.integer(0, Long.MAX_VALUE).description("version-not-yet-visible: the minVersion asked for"));
        members.put(
                "currentVersion",
                Problems.integer(-1, Long.MAX_VALUE)
                        .description("version-not-yet-visible: the version visible now; -1 if the commitment is not"
                                + " known yet"));
        return members;
    }

    /**
     * What every operation shares: bounded parameters; 400 for a request the container cannot read (a malformed path,
     * for one) when the operation has no reason of its own; 406 for an Accept that admits no JSON; 503 with
     * Retry-After while the database cannot be reached (an operation with a 503 of its own names it there); 500 for a
     * bug.
     */
    private static void anyEndpoint(Operation operation) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                bound(parameter);
            }
        }
        if (!operation.getResponses().containsKey("400")) {
            Problems.add(operation, 400, "A request that is not well-formed HTTP (http-protocol)");
        }
        Problems.add(operation, 406, "The Accept header admits no JSON (http-protocol)");
        if (!operation.getResponses().containsKey("503")) {
            Problems.add(operation, 503, "The database cannot be reached (database-unavailable)")
                    .addHeaderObject(
                            HttpHeaders.RETRY_AFTER,
                            Problems.header("Seconds to wait before asking again", Problems.string(10), true));
        }
        Problems.add(operation, 500, "A bug, logged (internal-error)");
    }

    private static void bound(Parameter parameter) {
        switch (parameter.getName()) {
            case "commitmentId" -> parameter.schema(slug(CommitmentId.MAX_LENGTH));
            case "partnershipId" -> parameter.schema(slug(PartnershipId.MAX_LENGTH));
            case "page" ->
                parameter
                        .getSchema()
                        .minimum(java.math.BigDecimal.ZERO)
                        .maximum(java.math.BigDecimal.valueOf(Integer.MAX_VALUE));
            case "size" ->
                parameter.getSchema().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(100));
            case "minVersion" -> parameter.schema(Problems.integer(0, Long.MAX_VALUE));
            case "status" ->
                parameter.schema(Problems.oneOf(List.of(CommitmentStatus.values()).stream()
                        .map(Enum::name)
                        .toList()));
            default -> {
                Schema<?> schema = parameter.getSchema();
                if (schema != null
                                && schema.getTypes() != null
                                && schema.getTypes().contains("string")
                        || schema != null && "string".equals(schema.getType())) {
                    schema.maxLength(schema.getMaxLength() == null ? REQUEST_LINE : schema.getMaxLength());
                }
            }
        }
    }

    private static Schema<?> slug(int maxLength) {
        return Problems.string(maxLength).minLength(Checks.SLUG_MIN_LENGTH).pattern(SLUG);
    }
}
