package io.commitmentsledger.projection.store;

import java.util.regex.Pattern;

/**
 * One generation of the read model: the schema its tables live in. Schema names go into SQL text, so only names this
 * service makes ({@code read_model_<digits>}) are accepted.
 */
public record Generation(String schema) {

    private static final Pattern SCHEMA = Pattern.compile("read_model_[0-9]+");

    public Generation {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a read-model schema: " + schema);
        }
    }

    /** A table of this generation, qualified for SQL text. */
    String table(String name) {
        return schema + "." + name;
    }

    @Override
    public String toString() {
        return schema;
    }
}
