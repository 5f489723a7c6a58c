package io.commitmentsledger.ledger.commitment.web;

import static io.commitmentsledger.ledger.web.ApiDocumentation.HTTP_PROTOCOL;
import static io.commitmentsledger.ledger.web.ApiDocumentation.problem;
import static io.commitmentsledger.ledger.web.ApiDocumentation.slug;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.ledger.commitment.CommandOutcome;
import io.commitmentsledger.ledger.commitment.CommitmentRule;
import io.commitmentsledger.ledger.commitment.CommitmentStatus;
import io.commitmentsledger.ledger.web.ApiDocumentation;
import io.commitmentsledger.ledger.web.LedgerAccess;
import io.commitmentsledger.ledger.web.ProblemType;
import io.commitmentsledger.web.openapi.Problems;
import io.commitmentsledger.web.openapi.RecordSchemas;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets command endpoints take their shared headers as one {@link CommandHeaders}, and documents the command API as it
 * answers: those headers, every status a command can answer with its problem types, the response headers, and which
 * request and response fields are required.
 */
@Configuration(proxyBeanMethods = false)
class CommandWebConfiguration implements WebMvcConfigurer {

    static {
        // The OpenAPI document lists the headers themselves (below), not the Java argument that carries them.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandHeaders.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandHeaders.Resolver());
    }

    @Bean
    OperationCustomizer commandHeadersInOpenApi() {
        return (operation, handler) -> {
            if (!isCommand(handler)) {
                return operation;
            }
            if (onExistingCommitment(handler)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(HttpHeaders.IF_MATCH)
                        .description("Applies the command only if the commitment is still at one of these versions"
                                + " (ETags from earlier responses, or *); 412 otherwise")
                        .schema(new StringSchema().maxLength(8192).example("\"3\"")));
            }
            return operation.addParametersItem(new HeaderParameter()
                    .name(CommandHeaders.IDEMPOTENCY_KEY)
                    .description("Makes a retry safe: the same key and body return the first response")
                    .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[!-~]{1,255}$")));
        };
    }

    /** Every status a command answers, with its problem types and headers (docs/api.md, "Errors"). */
    @Bean
    OperationCustomizer commandResponsesInOpenApi() {
        return (operation, handler) -> {
            if (!isCommand(handler)) {
                return operation;
            }
            boolean existing = onExistingCommitment(handler);
            operation
                    .getRequestBody()
                    .description("A JSON object of at most 64 KiB (65536 bytes); a larger body is refused with 413");
            ApiResponse success = existing
                    ? Problems.success(operation, 200, "Accepted: recorded, or nothing to record (recorded: false)")
                    : Problems.success(operation, 201, "Agreed and recorded");
            success.addHeaderObject(HttpHeaders.ETAG, ApiDocumentation.etag("The commitment's version afterwards"));
            if (!existing) {
                success.addHeaderObject(
                        HttpHeaders.LOCATION,
                        Problems.header(
                                "The commitment's recorded history: /api/v1/commitments/{commitmentId}/events",
                                Problems.string(200).format("uri-reference"),
                                true));
            }
            success.addHeaderObject(
                    "Idempotent-Replayed",
                    Problems.header(
                            "true when this is the first response to the same Idempotency-Key again, replayed",
                            Problems.oneOf(List.of("true")),
                            false));
            problem(
                    operation,
                    400,
                    "Invalid fields (errors lists each), a body that is not a JSON object of the request's shape, or a"
                            + " malformed If-Match or Idempotency-Key (header names it)",
                    slug(ProblemType.INVALID_REQUEST),
                    slug(ProblemType.MALFORMED_REQUEST),
                    slug(ProblemType.INVALID_HEADER),
                    HTTP_PROTOCOL);
            if (existing) {
                problem(
                        operation,
                        404,
                        "No such commitment has been agreed, or no such workshop under it",
                        slug(ProblemType.COMMITMENT_NOT_FOUND),
                        slug(CommitmentProblems.WORKSHOP_NOT_FOUND));
            }
            problem(
                    operation,
                    409,
                    "A business rule refused the command (rule names it), the id is taken, or another writer was first",
                    slug(CommitmentProblems.RULE_VIOLATION),
                    slug(CommitmentProblems.COMMITMENT_EXISTS),
                    slug(CommitmentProblems.CONCURRENT_MODIFICATION));
            if (existing) {
                problem(
                                operation,
                                412,
                                "If-Match names another version than the current one",
                                slug(CommitmentProblems.VERSION_MISMATCH))
                        .addHeaderObject(HttpHeaders.ETAG, ApiDocumentation.etag("The commitment's current version"));
            }
            problem(operation, 413, "The body is larger than 64 KiB", slug(ProblemType.REQUEST_TOO_LARGE));
            problem(operation, 415, "The body is not sent as application/json", HTTP_PROTOCOL);
            if (existing) {
                problem(
                        operation,
                        422,
                        "The Idempotency-Key already answered a different request",
                        slug(CommitmentProblems.IDEMPOTENCY_KEY_REUSED));
            } else {
                problem(
                        operation,
                        422,
                        "The agreement names a partnership, area, country or agency the names registry does not hold"
                                + " (unregistered lists each), or the Idempotency-Key already answered a different"
                                + " request",
                        slug(CommitmentProblems.NAME_NOT_REGISTERED),
                        slug(CommitmentProblems.IDEMPOTENCY_KEY_REUSED));
            }
            ApiDocumentation.retryLater(
                    operation,
                    "The ledger is busy (nothing was recorded) or its database cannot be reached; retry",
                    slug(ProblemType.LEDGER_BUSY),
                    slug(ProblemType.DATABASE_UNAVAILABLE));
            ApiDocumentation.anyEndpoint(operation);
            return operation;
        };
    }

    /** Required and nullable fields of the requests and the outcome, and the members of the commands' problems. */
    @Bean
    OpenApiCustomizer commandSchemasInOpenApi() {
        return api -> {
            // A target is one of two forms (below); as a JSON node in Java, it has no schema RecordSchemas can mark.
            targetPlaceholder(api, AGREE);
            targetPlaceholder(api, AMENDMENT);
            RecordSchemas.requests(
                    api,
                    CommandRequests.Agree.class,
                    CommandRequests.PartyBody.class,
                    CommandRequests.TargetBody.class,
                    CommandRequests.SourceBody.class,
                    CommandRequests.WhenBody.class,
                    CommandRequests.Confirm.class,
                    CommandRequests.ScheduleWorkshop.class,
                    CommandRequests.RescheduleWorkshop.class,
                    CommandRequests.CancelWorkshop.class,
                    CommandRequests.WorkshopOutcome.class,
                    CommandRequests.ProgressReport.class,
                    CommandRequests.Completion.class,
                    CommandRequests.Amendment.class,
                    CommandRequests.AgreementDateCorrection.class,
                    CommandRequests.Withdrawal.class);
            targetInTwoForms(api, AGREE);
            targetInTwoForms(api, AMENDMENT);
            // The older target has exactly one of its two members.
            api.getComponents().getSchemas().get(LEGACY_TARGET).minProperties(1).maxProperties(1);
            // What springdoc made of the Java type of target, which nothing refers to any more.
            api.getComponents().getSchemas().remove("JsonNode");
            RecordSchemas.responses(api, CommandOutcome.class);
            Map<String, Schema> outcome = api.getComponents()
                    .getSchemas()
                    .get(CommandOutcome.class.getSimpleName())
                    .getProperties();
            outcome.put("commitmentId", ApiDocumentation.slug(CommitmentId.MAX_LENGTH));
            outcome.get("version").minimum(BigDecimal.ZERO).maximum(new BigDecimal(ApiDocumentation.LARGEST));
            Map<String, Schema<?>> members = new LinkedHashMap<>();
            members.put(
                    "rule",
                    Problems.oneOf(java.util.stream.Stream.concat(
                                            Arrays.stream(CommitmentRule.values())
                                                    .map(CommitmentRule::ruleName),
                                            LedgerAccess.RULES.stream())
                                    .distinct()
                                    .toList())
                            .description("rule-violation: the rule the command broke; forbidden: the rule that"
                                    + " refused the caller"));
            members.put(
                    "commitmentStatus",
                    Problems.oneOf(Arrays.stream(CommitmentStatus.values())
                                    .map(CommitmentStatus::name)
                                    .toList())
                            .description("rule-violation: where the commitment stands (absent when agreeing)"));
            members.put(
                    "version",
                    version().description("rule-violation: the commitment's version (absent when agreeing)"));
            members.put(
                    "expectedVersion",
                    version().description("version-mismatch: the version If-Match named, when it named one"));
            members.put(
                    "expectedVersions",
                    Problems.array(version(), 1000)
                            .description("version-mismatch: the versions If-Match named, when it named several or"
                                    + " only weak tags"));
            members.put("currentVersion", version().description("version-mismatch: the commitment's version"));
            members.put(
                    "unregistered",
                    Problems.array(Problems.string(1000), 1000)
                            .description("name-not-registered: each name the agreement gives that the ledger's names"
                                    + " registry does not hold, one sentence each"));
            Problems.addMembers(api, members);
        };
    }

    private static final String AGREE = "AgreeCommitmentRequest";
    private static final String AMENDMENT = "AmendmentRequest";
    private static final String LEGACY_TARGET = "Target";

    private static void targetPlaceholder(OpenAPI api, String request) {
        api.getComponents().getSchemas().get(request).getProperties().put("target", Problems.string(1));
        if (!api.getComponents().getSchemas().containsKey(LEGACY_TARGET)) {
            ModelConverters.getInstance(true)
                    .readAll(new AnnotatedType(CommandRequests.TargetBody.class))
                    .forEach(api.getComponents()::addSchemas);
        }
    }

    /**
     * {@code target}: the text of a date as precise as the source, the older object {@code Target}, or null (no
     * target); the three are disjoint, so exactly one applies.
     */
    private static void targetInTwoForms(OpenAPI api, String request) {
        Map<String, Schema> properties =
                api.getComponents().getSchemas().get(request).getProperties();
        String description = properties.get("target").getDescription();
        Schema<?> text = Problems.string(PartialDate.MAX_LENGTH)
                .pattern(PartialDate.FORMAT)
                .description("A year, quarter, month or day, as precise as the source")
                .examples(List.of("2024-Q1", "2024", "2024-03", "2024-12-31"));
        Schema<?> legacy = new JsonSchema()
                .$ref(Problems.ref(LEGACY_TARGET))
                .description("The older form: {\"date\": ...} or {\"quarter\": ...}");
        Schema<?> none = new JsonSchema().types(new LinkedHashSet<>(List.of("null")));
        properties.put(
                "target",
                new JsonSchema()
                        .description(description)
                        .oneOf(List.of(text, legacy, none))
                        .examples(List.of("2024-Q1", Map.of("quarter", "2024-Q1"))));
    }

    private static Schema<?> version() {
        return Problems.integer(0, Long.MAX_VALUE);
    }

    private static boolean isCommand(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == CommandHeaders.class);
    }

    private static boolean onExistingCommitment(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> "commitmentId".equals(parameter.getParameterName()));
    }
}
