package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A government agency acting for a country, by its short code, such as {@code METI}, {@code DIGITAL} or {@code DSIT}. */
public record AgencyCode(@JsonValue String value) {

    /** Upper-case letters and digits, in words joined by single hyphens or underscores, starting with a letter. */
    public static final String FORMAT = "[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*";

    public static final int MAX_LENGTH = 32;

    private static final Pattern CODE = Pattern.compile(FORMAT);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AgencyCode {
        Checks.required(value, "agency");
        if (value.length() > MAX_LENGTH || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "agency must be an upper-case code of at most 32 characters, such as 'METI' or 'DSIT'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
