package io.commitmentsledger.projection.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The list query's totals, kept per query (its table, hence the generation, its filter and today) until the summaries
 * next change ({@link SummaryChanges}). The number of changes is read before counting and the total is kept under
 * it, so a kept total counts at least every change made by then: never older than the read model it is served with.
 * At most {@value #MOST} are kept; all are dropped when the summaries change.
 */
final class ListTotals {

    private static final int MOST = 1_000;

    private record Query(String from, List<Object> params) {}

    /** The totals counted since the {@code changes}-th change. */
    private record Kept(long changes, Map<Query, Long> totals) {}

    private final SummaryChanges changes;
    private volatile Kept kept = new Kept(-1, new ConcurrentHashMap<>());

    ListTotals(SummaryChanges changes) {
        this.changes = changes;
    }

    long total(String from, List<Object> params, LongSupplier count) {
        long now = changes.current();
        Kept current = kept;
        if (current.changes() != now) {
            current = new Kept(now, new ConcurrentHashMap<>());
            kept = current; // a reader still on an older number may keep into the replaced map: nobody reads it
        }
        Query query = new Query(from, List.copyOf(params));
        Long total = current.totals().get(query);
        if (total == null) {
            total = count.getAsLong();
            if (current.totals().size() < MOST) {
                current.totals().put(query, total);
            }
        }
        return total;
    }
}
