package io.commitmentsledger.ledger.log;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link LogKeyProblem} into Spring Boot's "Description / Action" start-up report. */
class LogKeyFailureAnalyzer extends AbstractFailureAnalyzer<LogKeyProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LogKeyProblem cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
