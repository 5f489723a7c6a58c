package io.commitmentsledger.ledger.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the API answers, each with a stable RFC 9457 {@code type} URI that clients can match on, and
 * the one HTTP status it maps to. README.md lists them.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request fields"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request body"),
    INVALID_HEADER("invalid-header", HttpStatus.BAD_REQUEST, "Invalid request header"),
    COMMITMENT_NOT_FOUND("commitment-not-found", HttpStatus.NOT_FOUND, "Commitment not found"),
    WORKSHOP_NOT_FOUND("workshop-not-found", HttpStatus.NOT_FOUND, "Workshop not found"),
    EVENT_NOT_FOUND("event-not-found", HttpStatus.NOT_FOUND, "Event not found"),
    COMMITMENT_EXISTS("commitment-exists", HttpStatus.CONFLICT, "Commitment already exists"),
    RULE_VIOLATION("rule-violation", HttpStatus.CONFLICT, "Commitment rule violated"),
    CONCURRENT_MODIFICATION(
            "concurrent-modification", HttpStatus.CONFLICT, "Commitment changed concurrently; retry the command"),
    VERSION_MISMATCH("version-mismatch", HttpStatus.PRECONDITION_FAILED, "Commitment is not at the expected version"),
    IDEMPOTENCY_KEY_REUSED(
            "idempotency-key-reused",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "Idempotency key already used for a different request"),
    HTTP_PROTOCOL("http-protocol", null, "Request not supported"),
    LEDGER_BUSY("ledger-busy", HttpStatus.SERVICE_UNAVAILABLE, "Ledger busy; retry shortly"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private static final String BASE = "https://commitments-ledger.dev/problems/";

    private final URI type;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.type = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    /** The status this kind always maps to; null for {@link #HTTP_PROTOCOL}, whose status varies (405, 415, ...). */
    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
