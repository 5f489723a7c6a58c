package io.commitmentsledger.contracts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells whether a new version of a schema still accepts everything its previous version accepted, so that every
 * event already stored or published stays valid. Conservative: a change it cannot prove harmless is breaking.
 */
public final class SchemaCompatibility {

    /** Keywords that document a schema without constraining it. */
    private static final Set<String> ANNOTATIONS =
            Set.of("title", "description", "examples", "$comment", "default", "deprecated");

    private SchemaCompatibility() {}

    /** Every change from {@code previous} to {@code current} that could reject a document {@code previous} accepted. */
    public static List<String> breakingChanges(JsonNode previous, JsonNode current) {
        List<String> breaking = new ArrayList<>();
        compare("", previous, current, breaking);
        return breaking;
    }

    private static void compare(String path, JsonNode previous, JsonNode current, List<String> breaking) {
        if (!previous.isObject() || !current.isObject()) {
            if (!previous.equals(current)) {
                breaking.add(where(path) + "changed from " + previous + " to " + current);
            }
            return;
        }
        if (widenedToAlternatives(previous, current)) {
            return;
        }
        Set<String> keywords = new HashSet<>(previous.propertyNames());
        keywords.addAll(current.propertyNames());
        for (String keyword : keywords) {
            if (ANNOTATIONS.contains(keyword)) {
                continue;
            }
            JsonNode before = previous.get(keyword);
            JsonNode after = current.get(keyword);
            switch (keyword) {
                case "properties", "$defs" -> compareMembers(path, keyword, before, after, breaking);
                case "required" -> {
                    Set<String> wasRequired = names(before);
                    for (String name : names(after)) {
                        if (!wasRequired.contains(name)) {
                            breaking.add(where(path) + "'" + name + "' became required");
                        }
                    }
                }
                case "additionalProperties" -> {
                    boolean allowedBefore = before == null || !before.isBoolean() || before.asBoolean();
                    if (allowedBefore && after != null && after.isBoolean() && !after.asBoolean()) {
                        breaking.add(where(path) + "no longer allows additional properties");
                    }
                }
                case "maxLength", "maxItems", "maximum" -> {
                    if (after != null && (before == null || after.asLong() < before.asLong())) {
                        breaking.add(where(path) + keyword + " tightened to " + after);
                    }
                }
                case "minLength", "minItems", "minimum" -> {
                    if (after != null && (before == null || after.asLong() > before.asLong())) {
                        breaking.add(where(path) + keyword + " tightened to " + after);
                    }
                }
                case "enum" -> {
                    if (after != null && (before == null || !values(after).containsAll(values(before)))) {
                        breaking.add(where(path) + "enum no longer allows all of " + before);
                    }
                }
                default -> {
                    if (before == null || after == null) {
                        if (after != null) {
                            breaking.add(where(path) + "new constraint " + keyword + ": " + after);
                        }
                        // a constraint removed only accepts more
                    } else {
                        compare(path + "/" + keyword, before, after, breaking);
                    }
                }
            }
        }
    }

    /** {@code anyOf} or {@code oneOf} alternatives, one of which still accepts all the previous schema did. */
    private static boolean widenedToAlternatives(JsonNode previous, JsonNode current) {
        for (String keyword : List.of("anyOf", "oneOf")) {
            JsonNode alternatives = current.get(keyword);
            if (alternatives != null && !previous.has(keyword)) {
                for (JsonNode alternative : alternatives) {
                    List<String> breaking = new ArrayList<>();
                    compare("", previous, alternative, breaking);
                    if (breaking.isEmpty()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void compareMembers(
            String path, String keyword, JsonNode before, JsonNode after, List<String> breaking) {
        if (before == null) {
            return;
        }
        for (String name : before.propertyNames()) {
            JsonNode next = after == null ? null : after.get(name);
            if (next == null) {
                breaking.add(where(path) + keyword + " '" + name + "' was removed");
            } else {
                compare(path + "/" + keyword + "/" + name, before.get(name), next, breaking);
            }
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        if (array != null) {
            array.forEach(name -> names.add(name.asString()));
        }
        return names;
    }

    private static Set<JsonNode> values(JsonNode array) {
        Set<JsonNode> values = new HashSet<>();
        array.forEach(values::add);
        return values;
    }

    private static String where(String path) {
        return (path.isEmpty() ? "the schema" : path) + ": ";
    }

    static ObjectNode copy(JsonNode schema) {
        return (ObjectNode) schema.deepCopy();
    }
}
