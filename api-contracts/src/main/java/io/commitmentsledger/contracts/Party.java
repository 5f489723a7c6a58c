package io.commitmentsledger.contracts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** One side of a bilateral commitment: a country and the agencies that act for it in this commitment. */
public record Party(CountryCode country, List<AgencyCode> agencies) {

    public Party {
        Checks.required(country, "country");
        Checks.required(agencies, "agencies");
        if (agencies.isEmpty()) {
            throw new IllegalArgumentException("a party needs at least one agency");
        }
        if (agencies.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("agencies must not contain null");
        }
        if (new LinkedHashSet<>(agencies).size() != agencies.size()) {
            throw new IllegalArgumentException("agencies must not repeat");
        }
        agencies = List.copyOf(agencies);
    }

    public boolean actsThrough(ActingAgency actor) {
        return country.equals(actor.country()) && agencies.contains(actor.agency());
    }
}
