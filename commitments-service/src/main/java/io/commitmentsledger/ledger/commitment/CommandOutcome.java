package io.commitmentsledger.ledger.commitment;

/**
 * What a command on an existing commitment did: the commitment's version afterwards, and whether it recorded
 * anything (a party repeating its confirmation or completion records nothing).
 */
public record CommandOutcome(long version, boolean recorded) {

    /** A new commitment's first event has sequence number 0. */
    public static final CommandOutcome AGREED = new CommandOutcome(0, true);
}
