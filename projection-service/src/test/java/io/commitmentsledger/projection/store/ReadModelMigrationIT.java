package io.commitmentsledger.projection.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.projection.summary.CommitmentSummary;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generation filled before issue 13 (read-model migrations up to V3) is brought to V4 at start-up and keeps
 * answering: its summaries' revision-1 target objects become the PartialDate text, a timeline's days stay as they
 * were, and a commitment may now have no deadline. Run in a schema of its own that is not a generation's name, so
 * nothing else sees or drops it.
 */
@ProjectionIntegrationTest
class ReadModelMigrationIT {

    private static final String SCHEMA = "read_model_migration_test";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReadModelJson json;

    @AfterEach
    void drop() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
    }

    @Test
    void bringsSummariesFoldedBeforeRevision2ToTheCurrentShape() {
        migrate(MigrationVersion.fromVersion("3"));
        for (String[] row : new String[][] {
            {"quarter-target", "{\"quarter\": \"2024-Q1\"}", "2024-03-31"},
            {"date-target", "{\"date\": \"2024-12-31\"}", "2024-12-31"}
        }) {
            jdbc.sql("INSERT INTO " + SCHEMA + ".commitment_summary (commitment_id, partnership_id, area, status,"
                            + " deadline, countries, search_text, version, last_recorded_at, summary)"
                            + " VALUES (?, 'jp-uk-digital-partnership', 'ai', 'AGREED', ?::date, '{JP,GB}', 'x', 0,"
                            + " '2024-01-16T09:00:00Z', ?::jsonb)")
                    .params(row[0], row[2], summaryBefore(row[0], row[1]))
                    .update();
            jdbc.sql("INSERT INTO " + SCHEMA + ".timeline_entry (commitment_id, sequence, global_position, event_id,"
                            + " kind, revision, occurred_on, recorded_at, actor, summary, payload)"
                            + " VALUES (?, 0, 1, 'e-1', 'CommitmentAgreed', '1', DATE '2024-01-16',"
                            + " '2024-01-16T09:00:00Z', 'JP/METI', 'Agreed', '{}'::jsonb)")
                    .param(row[0])
                    .update();
        }

        migrate(MigrationVersion.LATEST);

        CommitmentSummary quarter = summary("quarter-target");
        assertThat(quarter.target()).isEqualTo(PartialDate.parse("2024-Q1"));
        assertThat(quarter.deadline()).hasToString("2024-03-31");
        assertThat(quarter.agreedOn()).isEqualTo(PartialDate.parse("2024-01-16"));
        assertThat(quarter.lastActivityOn()).isEqualTo(PartialDate.parse("2024-01-16"));
        assertThat(summary("date-target").target()).isEqualTo(PartialDate.parse("2024-12-31"));
        assertThat(jdbc.sql("SELECT occurred_on FROM " + SCHEMA + ".timeline_entry WHERE commitment_id = ?")
                        .param("quarter-target")
                        .query(String.class)
                        .single())
                .isEqualTo("2024-01-16");
        jdbc.sql("UPDATE " + SCHEMA + ".commitment_summary SET deadline = NULL WHERE commitment_id = 'date-target'")
                .update();
    }

    private CommitmentSummary summary(String id) {
        return jdbc.sql("SELECT summary FROM " + SCHEMA + ".commitment_summary WHERE commitment_id = ?")
                .param(id)
                .query(json.summaryColumn())
                .single();
    }

    private void migrate(MigrationVersion target) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/read-model")
                .target(target)
                .load()
                .migrate();
    }

    /** A summary as the fold wrote it before issue 13: the target an object, every date a day. */
    private static String summaryBefore(String id, String target) {
        return """
                {"commitmentId": "%s", "partnershipId": "jp-uk-digital-partnership", "area": "ai", "title": "T",
                 "description": null,
                 "parties": [{"country": "JP", "agencies": ["METI"], "confirmedOn": null, "markedCompleteOn": null},
                             {"country": "GB", "agencies": ["DSIT"], "confirmedOn": null, "markedCompleteOn": null}],
                 "status": "AGREED", "target": %s,
                 "source": {"title": "Outcome document", "url": null, "section": null},
                 "agreedOn": "2024-01-16", "workshops": [], "lastActivityOn": "2024-01-16",
                 "lastRecordedAt": "2024-01-16T09:00:00Z", "version": 0}""".formatted(id, target);
    }
}
