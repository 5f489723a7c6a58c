package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one bilateral commitment, a slug such as {@code jpuk-2024-semiconductor-workshop}. */
public record CommitmentId(@JsonValue String value) {

    public static final int MAX_LENGTH = 100;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CommitmentId {
        Checks.slug(value, "commitment id", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
