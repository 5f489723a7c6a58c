package io.commitmentsledger.projection.consumer;

/** A record this service cannot turn into an event. It goes to the dead-letter topic with this reason. */
public class UnreadableRecord extends RuntimeException {

    public UnreadableRecord(String reason) {
        super(reason);
    }

    public UnreadableRecord(String reason, Throwable cause) {
        super(reason + ": " + cause.getMessage(), cause);
    }
}
