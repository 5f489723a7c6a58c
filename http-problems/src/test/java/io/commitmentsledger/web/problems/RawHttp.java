package io.commitmentsledger.web.problems;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 written byte for byte to a plain socket, for the requests {@code java.net.http} refuses to send: encoded
 * slashes and NULs, raw non-ASCII bytes, oversized request lines and headers, {@code CONNECT}, {@code TRACE},
 * conflicting framing headers. The request text is sent as ISO-8859-1, so {@code "\u00C3"} goes out as the single
 * byte 0xC3.
 */
public final class RawHttp {

    public record Response(int status, Map<String, String> headers, String body) {

        /** A header's value, by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final List<String> everyRequestsHeaders;

    public RawHttp(int port) {
        this(port, List.of());
    }

    private RawHttp(int port, List<String> everyRequestsHeaders) {
        this.port = port;
        this.everyRequestsHeaders = everyRequestsHeaders;
    }

    /** A client that sends these header lines (such as {@code Authorization: Bearer ...}) with every request. */
    public RawHttp withHeaders(String... headerLines) {
        return new RawHttp(port, List.of(headerLines));
    }

    /**
     * Sends a request line and header lines (no line endings), adding {@code Host} and {@code Connection: close}, then
     * the body if one is given, and reads the answer up to the server's close.
     */
    public Response send(String requestLine, String... headerLines) {
        return sendWithBody(requestLine, "", headerLines);
    }

    public Response sendWithBody(String requestLine, String body, String... headerLines) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n");
        request.append("Host: localhost:").append(port).append("\r\n");
        for (String header : everyRequestsHeaders) {
            request.append(header).append("\r\n");
        }
        for (String header : headerLines) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n").append(body);
        return exchange(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private Response exchange(byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return parse(readUntilClosed(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Everything the server writes before it closes. A server that answers before reading the whole request (an
     * oversized header) may reset the connection after its answer: what arrived until then is the answer.
     */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, read);
            }
        } catch (SocketException reset) {
            if (received.size() == 0) {
                throw reset;
            }
        }
        return received.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalStateException("No complete response head in: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(headEnd + 4);
        // an answer to HEAD says it is chunked but carries no body at all
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding")) && !body.isEmpty()) {
            body = dechunk(body);
        }
        return new Response(
                status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(
                    chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
