package io.commitmentsledger.ledger.publication;

/** Kafka did not acknowledge every record of a batch: the batch is to be sent again. */
public final class PublicationFailed extends RuntimeException {

    PublicationFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
