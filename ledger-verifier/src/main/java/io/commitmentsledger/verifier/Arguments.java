package io.commitmentsledger.verifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A sub-command's options: {@code --name value} pairs (repeatable where allowed) and {@code --flag}s. */
final class Arguments {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Arguments() {}

    /**
     * Reads {@code args} against the options a sub-command knows; {@code repeatable} may be given more than once and
     * {@code flags} take no value.
     */
    static Arguments parse(List<String> args, Set<String> options, Set<String> repeatable, Set<String> flags)
            throws UsageError {
        Arguments arguments = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (flags.contains(name)) {
                arguments.values.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
                continue;
            }
            if (!options.contains(name) && !repeatable.contains(name)) {
                throw new UsageError("unknown option " + name);
            }
            if (i + 1 == args.size()) {
                throw new UsageError(name + " needs a value");
            }
            List<String> given = arguments.values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!given.isEmpty() && !repeatable.contains(name)) {
                throw new UsageError(name + " is given twice");
            }
            given.add(args.get(++i));
        }
        return arguments;
    }

    String required(String name) throws UsageError {
        String value = optional(name);
        if (value == null) {
            throw new UsageError(name + " is required");
        }
        return value;
    }

    @Nullable
    String optional(String name) {
        List<String> given = values.get(name);
        return given == null ? null : given.get(0);
    }

    String optional(String name, String fallback) {
        String value = optional(name);
        return value == null ? fallback : value;
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    int positiveNumber(String name, int fallback) throws UsageError {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageError(name + " takes a positive number, not " + value);
    }
}
