package io.commitmentsledger.projection.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ListTotalsTest {

    private final SummaryChanges changes = new SummaryChanges();
    private final ListTotals totals = new ListTotals(changes);
    private final AtomicInteger counted = new AtomicInteger();

    private long total(String from, Object... params) {
        return totals.total(from, List.of(params), () -> 100 + counted.incrementAndGet());
    }

    @Test
    void countsEachQueryOnceWhileTheSummariesDoNotChange() {
        assertThat(total(" FROM g1.commitment_summary WHERE TRUE")).isEqualTo(101);
        assertThat(total(" FROM g1.commitment_summary WHERE TRUE")).isEqualTo(101);
        assertThat(total(" FROM g1.commitment_summary WHERE TRUE AND area = ?", "ai"))
                .isEqualTo(102);
        assertThat(total(" FROM g1.commitment_summary WHERE TRUE AND area = ?", "data"))
                .isEqualTo(103);
        assertThat(total(" FROM g2.commitment_summary WHERE TRUE"))
                .as("another generation")
                .isEqualTo(104);
        assertThat(counted).hasValue(4);
    }

    @Test
    void countsAgainOnceSummariesWereWritten() {
        assertThat(total(" FROM g1.commitment_summary WHERE TRUE")).isEqualTo(101);

        changes.written();

        assertThat(total(" FROM g1.commitment_summary WHERE TRUE")).isEqualTo(102);
    }

    @Test
    void aWriteInATransactionCountsWhenTheTransactionEndsNotBefore() {
        assertThat(total(" FROM g1.commitment_summary WHERE TRUE")).isEqualTo(101);
        TransactionSynchronizationManager.initSynchronization();
        try {
            changes.written();
            assertThat(total(" FROM g1.commitment_summary WHERE TRUE"))
                    .as("not committed yet: what others read has not changed")
                    .isEqualTo(101);
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(ended -> ended.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(total(" FROM g1.commitment_summary WHERE TRUE")).isEqualTo(102);
    }
}
