package io.commitmentsledger.projection.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON bodies as plain trees ({@code Map}, {@code List}, {@code String}, numbers, booleans, null) that can also hold
 * what no JSON library writes: raw bytes (invalid UTF-8, unescaped control characters, a lone surrogate's escape) and
 * a key written twice.
 */
final class FuzzJson {

    /** Bytes written as they are, in place of a value. */
    record Raw(byte[] bytes) {
        static Raw of(String latin1) {
            return new Raw(latin1.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public String toString() {
            return "Raw(" + new String(bytes, StandardCharsets.ISO_8859_1) + ")";
        }
    }

    /** An object written with {@code key} once more, at its end, with {@code second} as its value. */
    record DuplicateKey(Map<String, Object> object, String key, Object second) {}

    private FuzzJson() {}

    static byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    /** A deep copy of a tree made of maps and lists, so that mutations leave the original alone. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, child) -> copy.put((String) key, copy(child)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(child -> copy.add(copy(child)));
            return (T) copy;
        }
        return value;
    }

    private static void write(Object value, ByteArrayOutputStream out) {
        if (value == null) {
            out.writeBytes("null".getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Raw raw) {
            out.writeBytes(raw.bytes());
        } else if (value instanceof String text) {
            writeString(text, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.writeBytes(value.toString().getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof DuplicateKey duplicate) {
            writeObject(duplicate.object(), duplicate.key(), duplicate.second(), out);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, null, null, out);
        } else if (value instanceof List<?> list) {
            out.write('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                write(list.get(i), out);
            }
            out.write(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void writeObject(Map<?, ?> map, String extraKey, Object extraValue, ByteArrayOutputStream out) {
        out.write('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            writeString((String) entry.getKey(), out);
            out.write(':');
            write(entry.getValue(), out);
        }
        if (extraKey != null) {
            if (!first) {
                out.write(',');
            }
            writeString(extraKey, out);
            out.write(':');
            write(extraValue, out);
        }
        out.write('}');
    }

    /** Escapes what JSON requires; every other character, control characters from U+007F up included, as UTF-8. */
    private static void writeString(String text, ByteArrayOutputStream out) {
        StringBuilder escaped = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        out.writeBytes(escaped.append('"').toString().getBytes(StandardCharsets.UTF_8));
    }
}
