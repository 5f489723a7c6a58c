package io.commitmentsledger.projection.consumer;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event's JSON as the read model can store it. PostgreSQL's {@code text} and {@code jsonb} cannot hold U+0000,
 * which versions of the write side before it refused the character recorded in titles and notes. The read model keeps
 * such an event with every U+0000 replaced by U+FFFD (the replacement character), in its stored JSON, its summary,
 * its timeline line and its search text alike, so the event is applied rather than dead-lettered. The record on the
 * topic, and the write side's raw event, keep the original.
 */
final class StorableText {

    static final char NUL = '\u0000';
    static final char REPLACEMENT = '\uFFFD';

    private StorableText() {}

    /** {@code payload} as it is, or re-written without U+0000 when it holds one (JSON always carries it escaped). */
    static String storable(String payload, ObjectMapper json) {
        if (!payload.contains("\\u0000")) {
            return payload;
        }
        return json.writeValueAsString(withoutNul(json.readTree(payload), json.getNodeFactory()));
    }

    private static JsonNode withoutNul(JsonNode node, JsonNodeFactory nodes) {
        if (node.isString()) {
            String text = node.asString();
            return text.indexOf(NUL) < 0 ? node : nodes.stringNode(text.replace(NUL, REPLACEMENT));
        }
        if (node.isObject()) {
            ObjectNode copy = nodes.objectNode();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                copy.set(property.getKey().replace(NUL, REPLACEMENT), withoutNul(property.getValue(), nodes));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = nodes.arrayNode();
            node.forEach(element -> copy.add(withoutNul(element, nodes)));
            return copy;
        }
        return node;
    }
}
