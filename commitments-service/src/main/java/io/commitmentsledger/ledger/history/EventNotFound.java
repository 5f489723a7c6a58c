package io.commitmentsledger.ledger.history;

/** No event is recorded at this global position. */
public class EventNotFound extends RuntimeException {

    public EventNotFound(long globalPosition) {
        super("no event is recorded at global position " + globalPosition);
    }
}
