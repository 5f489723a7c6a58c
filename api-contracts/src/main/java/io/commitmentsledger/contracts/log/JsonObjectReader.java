package io.commitmentsledger.contracts.log;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the top level of one JSON object (RFC 8259) without a JSON library: each member's exact source text and, for
 * strings, the decoded value. Enough for a verifier to take an export line apart and to read an event's {@code actor}
 * and {@code occurredOn}, with the {@code data} member's bytes kept exactly as written.
 */
public final class JsonObjectReader {

    /** A member's value: its source text exactly, and the decoded string if it is a string. */
    public record Value(String source, @Nullable String string) {}

    private static final int MAX_DEPTH = 64;

    private final String text;
    private int at;

    private JsonObjectReader(String text) {
        this.text = text;
    }

    /** The object's members in order; throws {@link IllegalArgumentException} naming the offset of the error. */
    public static Map<String, Value> members(String json) {
        JsonObjectReader reader = new JsonObjectReader(json);
        Map<String, Value> members = reader.object();
        reader.whitespace();
        if (reader.at != json.length()) {
            throw reader.error("text after the object");
        }
        return members;
    }

    /** The decoded string member {@code name} of the object, or empty text if there is no such string member. */
    public static String stringMember(String json, String name) {
        Value value = members(json).get(name);
        return value == null || value.string() == null ? "" : value.string();
    }

    private Map<String, Value> object() {
        whitespace();
        expect('{');
        Map<String, Value> members = new LinkedHashMap<>();
        whitespace();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            whitespace();
            String name = string();
            whitespace();
            expect(':');
            whitespace();
            int start = at;
            boolean isString = peek() == '"';
            String decoded = isString ? string() : null;
            if (!isString) {
                skipValue(0);
            }
            if (members.put(name, new Value(text.substring(start, at), decoded)) != null) {
                throw error("member \"" + name + "\" appears twice");
            }
            whitespace();
            char next = next();
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        char c = peek();
        switch (c) {
            case '"' -> string();
            case '{' -> skipContainer('}', true, depth);
            case '[' -> skipContainer(']', false, depth);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void skipContainer(char close, boolean named, int depth) {
        at++;
        whitespace();
        if (peek() == close) {
            at++;
            return;
        }
        while (true) {
            whitespace();
            if (named) {
                string();
                whitespace();
                expect(':');
                whitespace();
            }
            skipValue(depth + 1);
            whitespace();
            char next = next();
            if (next == close) {
                return;
            }
            if (next != ',') {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    String hex = text.substring(at, at + 4);
                    // Exactly four hex digits: Integer.parseInt alone would take "+041" or "-041".
                    if (!hex.chars().allMatch(JsonObjectReader::isHexDigit)) {
                        throw error("bad \\u escape");
                    }
                    value.append((char) Integer.parseInt(hex, 16));
                    at += 4;
                }
                default -> throw error("bad escape \\" + escaped);
            }
        }
    }

    private void number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        // RFC 8259: the integer part is 0 or does not start with 0.
        if (at < text.length() && text.charAt(at) == '0') {
            at++;
        } else {
            digits();
        }
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            digits();
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            digits();
        }
        if (at == start) {
            throw error("expected a value");
        }
    }

    private void digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == start) {
            throw error("expected a digit");
        }
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private void literal(String word) {
        if (!text.startsWith(word, at)) {
            throw error("expected " + word);
        }
        at += word.length();
    }

    private void whitespace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private void expect(char expected) {
        if (next() != expected) {
            at--;
            throw error("expected '" + expected + "'");
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not a JSON object: " + what + " at offset " + at);
    }
}
