package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An area of joint action within a partnership, a slug such as {@code semiconductors} or {@code open-ran}. */
public record Area(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Area {
        Checks.slug(value, "area", 60);
    }

    @Override
    public String toString() {
        return value;
    }
}
