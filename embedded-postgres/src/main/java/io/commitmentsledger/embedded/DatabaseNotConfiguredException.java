package io.commitmentsledger.embedded;

/** The service was not told which database to use, or was told two; {@link DatabaseChoiceFailureAnalyzer} explains. */
public class DatabaseNotConfiguredException extends IllegalStateException {

    /** What is wrong with the choice of database. */
    public enum Reason {
        NONE_CHOSEN,
        BOTH_CHOSEN
    }

    private final Reason reason;

    public DatabaseNotConfiguredException(Reason reason) {
        super(
                reason == Reason.NONE_CHOSEN
                        ? "No database is configured: spring.datasource.url is not set and the embedded PostgreSQL is not"
                                + " enabled (ledger.embedded-postgres.enabled)"
                        : "Both spring.datasource.url and ledger.embedded-postgres.enabled=true are set");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
