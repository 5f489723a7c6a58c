package io.commitmentsledger.projection.store;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the transactions that wrote commitment summaries, once each has ended, so that what is counted over the
 * summaries can be kept until the next one ({@link ReadModelQueries#list}'s totals). A count computed after reading
 * {@link #current} sees at least every write counted by then, so it is never older than the read model it stands
 * for. This holds because this process is the only writer of the read model (the live consumer and a rebuild, both
 * through {@link ReadModelWriter}; run projection-service as one replica, see docs/read-model.md).
 */
@Component
public class SummaryChanges {

    private final AtomicLong ended = new AtomicLong();

    /** How many writing transactions have ended; a new number means summaries may have changed. */
    public long current() {
        return ended.get();
    }

    /** Called after writing summaries: counted when the transaction ends (at once without one). */
    void written() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    ended.incrementAndGet(); // a rollback too: harmless, it only drops what was kept
                }
            });
        } else {
            ended.incrementAndGet();
        }
    }
}
