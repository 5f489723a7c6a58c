package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An area of joint action within a partnership, a slug such as {@code semiconductors} or {@code open-ran}. */
public record Area(@JsonValue String value) {

    public static final int MAX_LENGTH = 60;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Area {
        Checks.slug(value, "area", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
