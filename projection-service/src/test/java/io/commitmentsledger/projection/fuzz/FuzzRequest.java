package io.commitmentsledger.projection.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One generated request, as bytes on the wire: the service it goes to, the method, the request target exactly as
 * sent (percent-escapes and raw bytes included, written as ISO-8859-1 characters), header lines and an optional body.
 *
 * @param kind the generator case that made it, for the statistics and for naming a reproducer
 * @param expectedStatus a status the answer must have (413 for an oversized body), or 0 for any
 */
record FuzzRequest(
        Service service,
        String kind,
        String method,
        String target,
        List<String> headers,
        byte @Nullable [] body,
        int expectedStatus) {

    enum Service {
        LEDGER,
        PROJECTION
    }

    boolean waitsForVersion() {
        return target.contains("minVersion=");
    }

    /** The request line and headers as sent, and the body (cut at 300 bytes): a reproducer for curl or netcat. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder()
                .append(service)
                .append(" [")
                .append(kind)
                .append("] ")
                .append(method)
                .append(' ')
                .append(escape(target));
        headers.forEach(header -> text.append("\n  ").append(escape(header)));
        if (body != null) {
            String shown = new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1);
            text.append("\n  body (").append(body.length).append(" bytes): ").append(escape(shown));
        }
        return text.toString();
    }

    /** Bytes outside printable ASCII as \xNN, so that a reproducer survives a log. */
    static String escape(String latin1) {
        StringBuilder escaped = new StringBuilder();
        for (char c : latin1.toCharArray()) {
            if (c < 0x20 || c >= 0x7F) {
                escaped.append(String.format("\\x%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    FuzzRequest withHeaders(List<String> more) {
        List<String> all = new ArrayList<>(headers);
        all.addAll(more);
        return new FuzzRequest(service, kind, method, target, all, body, expectedStatus);
    }

    FuzzRequest withTarget(String other) {
        return new FuzzRequest(service, kind, method, other, headers, body, expectedStatus);
    }
}
