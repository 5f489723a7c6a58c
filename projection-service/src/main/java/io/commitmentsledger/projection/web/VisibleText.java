package io.commitmentsledger.projection.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Free text (titles, descriptions, notes) as the pages show it: bidirectional formatting characters, which would
 * silently reorder what a reader sees, are shown as what they are, such as {@code <U+202E>}. The API and the read
 * model keep the text verbatim: it is the record. Templates use it as {@code @visibleText}, through the fragment
 * {@code text :: visible(text)}.
 */
@Component("visibleText")
public class VisibleText {

    private static final Map<Integer, String> BIDI_CONTROLS = Map.ofEntries(
            Map.entry(0x061C, "arabic letter mark"),
            Map.entry(0x200E, "left-to-right mark"),
            Map.entry(0x200F, "right-to-left mark"),
            Map.entry(0x202A, "left-to-right embedding"),
            Map.entry(0x202B, "right-to-left embedding"),
            Map.entry(0x202C, "pop directional formatting"),
            Map.entry(0x202D, "left-to-right override"),
            Map.entry(0x202E, "right-to-left override"),
            Map.entry(0x2066, "left-to-right isolate"),
            Map.entry(0x2067, "right-to-left isolate"),
            Map.entry(0x2068, "first strong isolate"),
            Map.entry(0x2069, "pop directional isolate"));

    /**
     * A run of the text: ordinary characters, or one bidirectional control shown as {@code <U+XXXX>} and named.
     *
     * @param control the control's name, null for ordinary text
     */
    public record Part(String text, @Nullable String control) {}

    /** The text in parts, for markup that sets the controls apart (a span with class {@code bidi-control}). */
    public List<Part> parts(@Nullable String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            String name = BIDI_CONTROLS.get((int) text.charAt(i));
            if (name != null) {
                if (i > start) {
                    parts.add(new Part(text.substring(start, i), null));
                }
                parts.add(new Part(shown(text.charAt(i)), name));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            parts.add(new Part(text.substring(start), null));
        }
        return parts;
    }

    /** The text with each control written out, for places that take no markup (such as the page's title). */
    public String plain(@Nullable String text) {
        StringBuilder plain = new StringBuilder();
        parts(text).forEach(part -> plain.append(part.text()));
        return plain.toString();
    }

    private static String shown(char control) {
        return "<U+" + Integer.toHexString(control).toUpperCase(Locale.ROOT) + ">";
    }
}
