package io.commitmentsledger.ledger.history.web;

import static io.commitmentsledger.contracts.Checks.SLUG_MIN_LENGTH;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.ledger.history.CommitmentNotFound;
import io.commitmentsledger.ledger.history.EventHistory;
import io.commitmentsledger.ledger.history.EventNotFound;
import io.commitmentsledger.ledger.history.RecordedEvent;
import io.commitmentsledger.ledger.web.ApiDocumentation;
import io.commitmentsledger.ledger.web.RequestFields;
import io.commitmentsledger.ledger.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A commitment's whole recorded history, for auditors to replay and verify. Answers JSON only (else 406). */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "History", description = "Recorded events, straight from the event store")
class EventHistoryController {

    @Schema(name = "EventHistory")
    record History(
            @Schema(minLength = SLUG_MIN_LENGTH, maxLength = CommitmentId.MAX_LENGTH, pattern = ApiDocumentation.SLUG)
            String commitmentId,

            @Schema(description = "The sequence of the newest event", minimum = "0", maximum = ApiDocumentation.LARGEST)
            long version,

            List<RecordedEvent> events) {}

    private final EventHistory eventHistory;

    EventHistoryController(EventHistory eventHistory) {
        this.eventHistory = eventHistory;
    }

    @GetMapping("/events/{globalPosition}")
    @Operation(summary = "The event at a global position, as a timeline entry or a Kafka record names it")
    RecordedEvent event(@PathVariable long globalPosition) {
        return eventHistory.at(globalPosition).orElseThrow(() -> new EventNotFound(globalPosition));
    }

    @GetMapping("/commitments/{commitmentId}/events")
    @Operation(summary = "Every event recorded for a commitment, in sequence order; ETag is its version")
    ResponseEntity<History> events(@PathVariable String commitmentId) {
        CommitmentId id = RequestFields.single("commitmentId", () -> new CommitmentId(commitmentId));
        List<RecordedEvent> events = eventHistory.of(id);
        if (events.isEmpty()) {
            throw new CommitmentNotFound(id);
        }
        long version = events.get(events.size() - 1).sequence();
        return ResponseEntity.ok().eTag(Versions.toEntityTag(version)).body(new History(id.value(), version, events));
    }
}
