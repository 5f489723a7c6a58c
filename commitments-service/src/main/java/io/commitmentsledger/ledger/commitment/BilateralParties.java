package io.commitmentsledger.ledger.commitment;

import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.Party;
import java.util.List;
import java.util.Objects;

/** A bilateral commitment has exactly two parties, of two different countries. */
public final class BilateralParties {

    private BilateralParties() {}

    public static List<Party> check(List<Party> parties) {
        Checks.required(parties, "parties");
        if (parties.size() != 2 || parties.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a bilateral commitment has exactly two parties");
        }
        if (parties.get(0).country().equals(parties.get(1).country())) {
            throw new IllegalArgumentException("the two parties must be different countries");
        }
        return List.copyOf(parties);
    }
}
