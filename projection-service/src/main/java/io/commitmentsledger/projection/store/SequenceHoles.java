package io.commitmentsledger.projection.store;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The commitments of the active generation whose later events are parked behind a missing one. */
@Repository
public class SequenceHoles {

    private final JdbcClient jdbc;
    private final Generations generations;

    SequenceHoles(JdbcClient jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    public int count() {
        return current().size();
    }

    public List<SequenceHole> current() {
        return generations.withActive(generation -> jdbc.sql(
                        "SELECT p.commitment_id, coalesce(c.version, -1) + 1, min(p.sequence), count(*) FROM "
                                + generation.table("parked_event") + " p LEFT JOIN "
                                + generation.table("commitment_summary") + " c USING (commitment_id)"
                                + " GROUP BY p.commitment_id, c.version ORDER BY p.commitment_id")
                .query((row, n) -> new SequenceHole(row.getString(1), row.getLong(2), row.getLong(3), row.getInt(4)))
                .list());
    }
}
