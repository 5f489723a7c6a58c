package io.commitmentsledger.ledger.commitment;

/**
 * A command on an existing commitment. When {@code expectedVersion} is set, the command applies only if the
 * commitment is still at that version (optimistic concurrency, {@code If-Match} over HTTP).
 */
public interface VersionedCommand {

    Long expectedVersion();
}
