package io.commitmentsledger.ledger.publication.web;

import io.commitmentsledger.ledger.publication.PublicationFailed;
import io.commitmentsledger.ledger.publication.Republication.UnknownCommitment;
import io.commitmentsledger.ledger.web.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How a re-publication answers a commitment that does not exist and a broker that did not acknowledge. */
@RestControllerAdvice(assignableTypes = RepublicationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RepublicationProblems {

    static final ProblemType KAFKA_UNAVAILABLE = ProblemType.of(
            "kafka-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not acknowledge; retry shortly");

    /** Seconds to wait: about as long as a producer takes to find a broker that came back. */
    static final String RETRY_AFTER_SECONDS = "10";

    @ExceptionHandler
    ProblemDetail unknownCommitment(UnknownCommitment e) {
        return ProblemType.commitmentNotFound(e.commitmentId().value());
    }

    /** Records acknowledged before the failure stay on the topic; repeating the request is safe. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> kafkaUnavailable(PublicationFailed e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(KAFKA_UNAVAILABLE.problem("Kafka did not acknowledge every record (" + e.getMessage()
                        + "); repeating the request is safe"));
    }
}
