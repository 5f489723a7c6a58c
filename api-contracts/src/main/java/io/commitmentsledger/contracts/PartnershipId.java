package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies the partnership a commitment belongs to, a slug such as {@code jp-uk-digital-partnership}. */
public record PartnershipId(@JsonValue String value) {

    public static final int MAX_LENGTH = 100;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PartnershipId {
        Checks.slug(value, "partnership id", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
