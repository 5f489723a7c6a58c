package io.commitmentsledger.ledger.commitment;

import java.util.List;

/**
 * An agreement named a partnership, area, country or agency that the ledger's names registry ({@code ledger.names})
 * does not hold; nothing was recorded. Each unregistered name is one sentence of {@link #unregistered()}.
 */
public class NamesNotRegistered extends RuntimeException {

    private final List<String> unregistered;

    public NamesNotRegistered(List<String> unregistered) {
        super("the agreement names what the ledger's names registry does not hold: " + String.join("; ", unregistered)
                + ". Register them in ledger.names (configuration) first");
        this.unregistered = List.copyOf(unregistered);
    }

    public List<String> unregistered() {
        return unregistered;
    }
}
