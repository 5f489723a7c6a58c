package io.commitmentsledger.ledger.publication.web;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.ledger.publication.Republication;
import io.commitmentsledger.ledger.publication.Republication.Republished;
import io.commitmentsledger.ledger.web.InvalidRequest;
import io.commitmentsledger.ledger.web.InvalidRequest.FieldProblem;
import io.commitmentsledger.ledger.web.RequestFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes recorded events again from the event store, for operators to fill a hole on the topic: either a range
 * of global positions, or the sequences of one commitment that a subscriber reports missing (projection-service's
 * health lists them). Safe to repeat: subscribers deduplicate by commitment and sequence.
 */
@RestController
@RequestMapping(
        path = "/api/v1/admin/republications",
        consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations", description = "Repairs for operators")
class RepublicationController {

    @Schema(
            name = "RepublicationRequest",
            description = "Either fromGlobalPosition (with toGlobalPosition), or commitmentId with fromSequence (and"
                    + " toSequence); bounds are inclusive, a missing upper bound means the newest event")
    record Request(
            @Schema(minimum = "1", maximum = LONG_MAX) @Nullable
            Long fromGlobalPosition,

            @Schema(minimum = "1", maximum = LONG_MAX) @Nullable
            Long toGlobalPosition,

            @Nullable String commitmentId,

            @Schema(minimum = "0", maximum = LONG_MAX) @Nullable
            Long fromSequence,

            @Schema(minimum = "0", maximum = LONG_MAX) @Nullable
            Long toSequence) {}

    /** Positions and sequences are Java longs. */
    private static final String LONG_MAX = "9223372036854775807";

    private final Republication republication;

    RepublicationController(Republication republication) {
        this.republication = republication;
    }

    @PostMapping
    @Operation(
            summary = "Publish recorded events to Kafka again",
            description = "Answers once Kafka has acknowledged every record. The records are the originals again"
                    + " (same key, value and headers).")
    Republished republish(@RequestBody Request request) {
        if (request.commitmentId() != null) {
            return byCommitment(request);
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request.fromSequence() != null || request.toSequence() != null) {
            problems.add(new FieldProblem("commitmentId", "is required with fromSequence and toSequence"));
        }
        if (request.fromGlobalPosition() == null) {
            problems.add(new FieldProblem(
                    "fromGlobalPosition", "is required unless commitmentId and fromSequence are given"));
        }
        range(problems, "GlobalPosition", request.fromGlobalPosition(), request.toGlobalPosition(), 1);
        rejectIfAny(problems);
        return republication.fromGlobalPosition(request.fromGlobalPosition(), request.toGlobalPosition());
    }

    private Republished byCommitment(Request request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.fromGlobalPosition() != null || request.toGlobalPosition() != null) {
            problems.add(new FieldProblem(
                    "fromGlobalPosition", "cannot be combined with commitmentId: ask for one or the other"));
        }
        if (request.fromSequence() == null) {
            problems.add(new FieldProblem("fromSequence", "is required with commitmentId"));
        }
        range(problems, "Sequence", request.fromSequence(), request.toSequence(), 0);
        rejectIfAny(problems);
        CommitmentId id = RequestFields.single("commitmentId", () -> new CommitmentId(request.commitmentId()));
        return republication.ofCommitment(id, request.fromSequence(), request.toSequence());
    }

    /** {@code from<name>} and {@code to<name>} at or above {@code lowest}, and not the wrong way round. */
    private static void range(
            List<FieldProblem> problems, String name, @Nullable Long from, @Nullable Long to, long lowest) {
        if (from != null && from < lowest) {
            problems.add(new FieldProblem("from" + name, "must be at least " + lowest));
        }
        if (to != null && to < lowest) {
            problems.add(new FieldProblem("to" + name, "must be at least " + lowest));
        }
        if (from != null && to != null && to < from) {
            problems.add(new FieldProblem("to" + name, "must not be below from" + name));
        }
    }

    private static void rejectIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }
}
