package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/** A party's country as an ISO 3166-1 alpha-2 code, such as {@code JP} or {@code GB}. */
public record CountryCode(@JsonValue String value) {

    private static final Set<String> ISO_3166_ALPHA_2 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CountryCode {
        Checks.required(value, "country");
        if (!ISO_3166_ALPHA_2.contains(value)) {
            throw new IllegalArgumentException(
                    "country must be an ISO 3166-1 alpha-2 code in upper case, such as 'JP' or 'GB'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
