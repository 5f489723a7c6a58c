package io.commitmentsledger.ledger.log.web;

import io.commitmentsledger.ledger.web.ProblemType;
import org.jspecify.annotations.Nullable;

/**
 * A log read that cannot be answered: its problem type, what is wrong, and for what is not there yet, how many seconds
 * to wait before asking again.
 */
class LogProblem extends RuntimeException {

    private final ProblemType type;
    private final @Nullable Long retryAfterSeconds;

    LogProblem(ProblemType type, String detail) {
        this(type, detail, null);
    }

    LogProblem(ProblemType type, String detail, @Nullable Long retryAfterSeconds) {
        super(detail);
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    ProblemType type() {
        return type;
    }

    @Nullable
    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
