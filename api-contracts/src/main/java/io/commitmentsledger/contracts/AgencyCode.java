package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A government agency acting for a country, by its short code, such as {@code METI}, {@code DIGITAL} or {@code DSIT}. */
public record AgencyCode(@JsonValue String value) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AgencyCode {
        Checks.required(value, "agency");
        if (value.length() > 32 || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "agency must be an upper-case code of at most 32 characters, such as 'METI' or 'DSIT'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
