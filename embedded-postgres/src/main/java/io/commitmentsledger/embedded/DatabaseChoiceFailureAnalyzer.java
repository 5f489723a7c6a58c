package io.commitmentsledger.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link DatabaseNotConfiguredException} into Spring Boot's "Description / Action" start-up report. */
class DatabaseChoiceFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseNotConfiguredException cause) {
        return switch (cause.reason()) {
            case NONE_CHOSEN ->
                new FailureAnalysis(
                        "No database is configured. spring.datasource.url is not set, and the embedded PostgreSQL (a"
                                + " development database that lives in a local directory) is not enabled.",
                        "Set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to the"
                                + " service's PostgreSQL database; or, on a development machine only, set"
                                + " ledger.embedded-postgres.enabled=true (LEDGER_EMBEDDED_POSTGRES_ENABLED=true).",
                        cause);
            case BOTH_CHOSEN ->
                new FailureAnalysis(
                        "Two databases are configured: spring.datasource.url is set and ledger.embedded-postgres.enabled"
                                + " is true.",
                        "Keep one: remove ledger.embedded-postgres.enabled to use the database at spring.datasource.url,"
                                + " or unset spring.datasource.url to use the embedded PostgreSQL.",
                        cause);
        };
    }
}
