package io.commitmentsledger.ledger.log;

/**
 * The log's keys are not configured so that the service can sign: start-up stops with what is wrong and what to do
 * ({@link LogKeyFailureAnalyzer}). The message never contains a key.
 */
public final class LogKeyProblem extends RuntimeException {

    private final String action;

    LogKeyProblem(String description, String action) {
        super(description);
        this.action = action;
    }

    /** What the operator should do about it. */
    public String action() {
        return action;
    }
}
