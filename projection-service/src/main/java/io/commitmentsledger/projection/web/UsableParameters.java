package io.commitmentsledger.projection.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, before any handler runs, a request whose parameters (any of them, used or not) are not well-formed
 * percent-encoded UTF-8 or hold a control character (U+0000 to U+001F, U+007F to U+009F): no parameter of the read
 * API needs one, and PostgreSQL cannot take U+0000. The refusal names the parameter.
 */
@Component
class UsableParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) { // the container could not decode them
            String name = undecodable(request.getQueryString());
            throw new InvalidParameter(
                    name == null ? "?" : name,
                    (name == null ? "a parameter" : name) + " is not well-formed percent-encoded UTF-8");
        } catch (RequestRejectedException e) {
            // Spring Security's firewall checks the parameters when they are first read, here: a blank name, or a
            // name or value holding a control character or a code point assigned to nothing
            String name = refusedByTheFirewall(request.getQueryString());
            throw new InvalidParameter(
                    name == null ? "?" : name,
                    (name == null ? "a parameter" : name) + " must not contain control or unassigned characters");
        }
        parameters.forEach((name, values) -> {
            for (String value : values) {
                if (value.chars().anyMatch(Character::isISOControl)
                        || name.chars().anyMatch(Character::isISOControl)) {
                    throw new InvalidParameter(name, name + " must not contain control characters");
                }
            }
        });
        return true;
    }

    /** The name of the first parameter in the query whose name or value holds a character the firewall refuses. */
    private static @Nullable String refusedByTheFirewall(@Nullable String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            if (name != null && value != null && (name.isBlank() || refused(name) || refused(value))) {
                return name;
            }
        }
        return null;
    }

    private static boolean refused(String text) {
        return text.codePoints().anyMatch(c -> Character.isISOControl(c) || !Character.isDefined(c));
    }

    /** The name of the first parameter in the query that is not well-formed, as far as it can be read. */
    private static @Nullable String undecodable(@Nullable String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (decode(name) == null || decode(value) == null) {
                String readable = decode(name);
                return readable == null ? name : readable;
            }
        }
        return null;
    }

    /** Strictly decoded, or null when the text is not well-formed percent-encoded UTF-8. */
    private static @Nullable String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
