package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a workshop within its commitment, a slug such as {@code semiconductor-workshop-2024-q1}. */
public record WorkshopId(@JsonValue String value) {

    public static final int MAX_LENGTH = 100;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public WorkshopId {
        Checks.slug(value, "workshop id", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
