package io.commitmentsledger.ledger.log.web;

import static io.commitmentsledger.ledger.web.ApiDocumentation.problem;
import static io.commitmentsledger.ledger.web.ApiDocumentation.slug;

import io.commitmentsledger.contracts.log.SignedNote;
import io.commitmentsledger.ledger.web.ApiDocumentation;
import io.commitmentsledger.ledger.web.LedgerAccess;
import io.commitmentsledger.ledger.web.ProblemType;
import io.commitmentsledger.web.openapi.Problems;
import io.commitmentsledger.web.openapi.RecordSchemas;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * Documents the log's reads as they answer: plain-text notes and proofs, JSON proofs and verification, the NDJSON
 * export; their parameters as the numbers and ids they must be; their statuses and problem types.
 */
@Configuration(proxyBeanMethods = false)
class LogApiDocumentation {

    /** A tlog-proof: a leaf of up to a few KiB of event, base64, a proof and a checkpoint. */
    private static final int TLOG_PROOF_MAX_LENGTH = 2 * SignedNote.MAX_LENGTH;

    @Bean
    OperationCustomizer logResponsesInOpenApi() {
        return (operation, handler) -> {
            Class<?> controller = handler.getBeanType();
            if (controller != LogController.class
                    && controller != CommitmentVerificationController.class
                    && controller != LedgerExportController.class) {
                return operation;
            }
            parameters(operation);
            switch (handler.getMethod().getName()) {
                case "checkpoint" -> {
                    text(operation, "The signed note, exactly as signed and published", SignedNote.MAX_LENGTH);
                    problem(operation, 404, "No checkpoint is signed yet", slug(LogProblems.CHECKPOINT_NOT_FOUND));
                    malformedAccept(operation);
                }
                case "checkpointAt" -> {
                    text(operation, "The signed note, exactly as signed and published", SignedNote.MAX_LENGTH);
                    invalid(operation, "The tree size is not a whole number from 1");
                    problem(
                            operation,
                            404,
                            "No checkpoint was signed at that size",
                            slug(LogProblems.CHECKPOINT_NOT_FOUND));
                }
                case "verifierKeys" -> {
                    text(
                            operation,
                            "C2SP signed-note verifier keys, <name>+<key id>+<base64 key>, one per line: the current"
                                    + " key's first, then those of earlier keys, whose signatures still count",
                            64 * 1024);
                    malformedAccept(operation);
                }
                case "inclusion" -> {
                    Problems.success(operation, 200, "The inclusion proof, and the checkpoint of that size if any");
                    invalid(
                            operation,
                            "Not exactly one of logIndex and eventId, a number out of range, or a tree"
                                    + " size beyond the log or not covering the entry");
                    problem(
                            operation,
                            404,
                            "No such log index, or no such event",
                            slug(LogProblems.LOG_ENTRY_NOT_FOUND));
                    notYetCheckpointed(operation);
                }
                case "consistency" -> {
                    Problems.success(operation, 200, "The consistency proof");
                    invalid(
                            operation,
                            "from or to missing or not a whole number, from above to, or to beyond the" + " log");
                    problem(
                            operation,
                            409,
                            "The stored tree is incomplete: rows of the log were removed behind the ledger's back",
                            slug(LogProblems.LOG_DAMAGED));
                }
                case "tlogProofAt", "tlogProofOf" -> {
                    text(
                            operation,
                            "A C2SP tlog-proof (c2sp.org/tlog-proof@v1): the event's encoded leaf as its extra"
                                    + " line, its log index, the inclusion proof and the newest signed checkpoint."
                                    + " Check it offline with TlogProof.verify and the verifier keys",
                            TLOG_PROOF_MAX_LENGTH);
                    invalid(operation, "The log index is not a whole number, or the event id is too long");
                    problem(
                            operation,
                            404,
                            "No such log index, or no such event",
                            slug(LogProblems.LOG_ENTRY_NOT_FOUND));
                    problem(
                                    operation,
                                    409,
                                    "The entry is not yet logged or not yet covered by a signed checkpoint (then"
                                            + " Retry-After says when to ask again), or the stored event no longer"
                                            + " matches its log entry (the commitment's verification says why)",
                                    slug(LogProblems.NOT_YET_CHECKPOINTED),
                                    slug(LogProblems.EVENT_DOES_NOT_MATCH_LOG),
                                    slug(LogProblems.LOG_DAMAGED))
                            .addHeaderObject(HttpHeaders.RETRY_AFTER, retryAfter(false));
                }
                case "verify" -> {
                    Problems.success(operation, 200, "The verification: verified, or the first break and why");
                    problem(operation, 400, "The commitment id is not a valid id", slug(ProblemType.INVALID_REQUEST));
                    problem(
                            operation,
                            404,
                            "No such commitment has been agreed",
                            slug(ProblemType.COMMITMENT_NOT_FOUND));
                }
                case "export" -> {
                    ApiResponse lines = new ApiResponse()
                            .description("One CloudEvents JSON object per line, in log order: specversion, id, source,"
                                    + " type, subject, time, datacontenttype, dataschema, commitmentsequence,"
                                    + " globalposition, logindex, leafhash, previousleafhash, ledgersignature and"
                                    + " data (the stored payload, byte for byte). Rebuild each leaf with LogLeaf.of"
                                    + " and compare the Merkle root of the lines with a signed checkpoint")
                            .content(new Content()
                                    .addMediaType(
                                            LedgerExportController.NDJSON,
                                            new MediaType().schema(Problems.string(Integer.MAX_VALUE))));
                    responses(operation).addApiResponse("200", lines);
                    responses(operation)
                            .addApiResponse("204", new ApiResponse().description("The range is empty: from equals to"));
                    invalid(operation, "from or to not a whole number, from above to, or to beyond the log");
                }
                default -> throw new IllegalStateException("undocumented log operation " + handler.getMethod());
            }
            ApiDocumentation.anyEndpoint(operation, LedgerAccess.READ_RULES);
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer logSchemasInOpenApi() {
        return api -> {
            RecordSchemas.responses(
                    api,
                    LogController.InclusionProof.class,
                    LogController.ConsistencyProof.class,
                    CommitmentVerificationController.Report.class);
        };
    }

    /** Positions and sizes are whole numbers, ids bounded strings, whatever type the handler reads them as. */
    private static void parameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            Schema<?> schema = switch (parameter.getName()) {
                case "logIndex", "from", "to" -> Problems.integer(0, Long.MAX_VALUE);
                case "treeSize" -> Problems.integer(1, Long.MAX_VALUE);
                case "eventId" ->
                    Problems.string(LogRequests.EVENT_ID_MAX_LENGTH).minLength(1);
                default -> parameter.getSchema();
            };
            parameter.schema(schema);
        }
    }

    private static void text(Operation operation, String description, int maxLength) {
        responses(operation)
                .addApiResponse(
                        "200",
                        new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                "text/plain", new MediaType().schema(Problems.string(maxLength)))));
    }

    /** These take no input; only a malformed Accept header, refused before any handler, makes their request bad. */
    private static void malformedAccept(Operation operation) {
        problem(operation, 400, "The Accept header is not a list of media ranges", ApiDocumentation.HTTP_PROTOCOL);
    }

    private static void invalid(Operation operation, String when) {
        problem(operation, 400, when, slug(ProblemType.INVALID_REQUEST));
    }

    private static void notYetCheckpointed(Operation operation) {
        problem(
                        operation,
                        409,
                        "The entry is not yet logged or not yet covered by a signed checkpoint (ask again after"
                                + " Retry-After seconds), or the stored tree is incomplete because rows of the log"
                                + " were removed behind the ledger's back",
                        slug(LogProblems.NOT_YET_CHECKPOINTED),
                        slug(LogProblems.LOG_DAMAGED))
                .addHeaderObject(HttpHeaders.RETRY_AFTER, retryAfter(false));
    }

    private static Header retryAfter(boolean required) {
        return Problems.header("Seconds to wait before asking again", Problems.string(10), required);
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.responses(new ApiResponses());
        }
        return operation.getResponses();
    }
}
