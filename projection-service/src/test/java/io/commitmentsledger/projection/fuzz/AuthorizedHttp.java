package io.commitmentsledger.projection.fuzz;

import io.commitmentsledger.projection.fuzz.FuzzRequest.Service;
import io.commitmentsledger.web.problems.RawHttp;
import io.commitmentsledger.web.problems.RawHttp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link RawHttp} to one of the two services, each request with the bearer token a well-behaved client of that
 * service would send (from the authorization server, {@link TwoServices#bearer}), so that the fuzzed requests are
 * judged on what they ask rather than refused at the door: a command as the agency its body's {@code actingAgency}
 * names (JP/METI when it names none that could be one), a rebuild as an admin, every read as an auditor. A request
 * that carries an Authorization header of its own is sent as it is.
 */
final class AuthorizedHttp {

    private static final Pattern ACTING_AGENCY =
            Pattern.compile("\"actingAgency\"\\s*:\\s*\"([A-Z]{2}/[A-Z0-9-]{1,40})\"");

    private final RawHttp raw;
    private final Service service;
    /** The Authorization header of an agency ({@code JP/METI}), the {@code auditor} or the {@code admin}. */
    private final Function<String, String> tokens;

    AuthorizedHttp(int port, Service service, Function<String, String> tokens) {
        this.raw = new RawHttp(port);
        this.service = service;
        this.tokens = tokens;
    }

    Response send(String requestLine, String... headerLines) {
        return raw.send(requestLine, authorized(requestLine, "", headerLines));
    }

    Response sendWithBody(String requestLine, String body, String... headerLines) {
        return raw.sendWithBody(requestLine, body, authorized(requestLine, body, headerLines));
    }

    private String[] authorized(String requestLine, String body, String... headerLines) {
        for (String header : headerLines) {
            if (header.toLowerCase(Locale.ROOT).startsWith("authorization:")) {
                return headerLines;
            }
        }
        List<String> headers = new ArrayList<>(List.of(headerLines));
        headers.add("Authorization: " + tokens.apply(caller(requestLine, body)));
        return headers.toArray(String[]::new);
    }

    /** Who sends this request: {@code admin}, {@code auditor}, or an agency's code. */
    private String caller(String requestLine, String body) {
        String[] parts = requestLine.split(" ", 3);
        String method = parts[0];
        String target = parts.length > 1 ? parts[1] : "";
        if (target.startsWith("/api/v1/admin/")) {
            return "admin";
        }
        if (service == Service.LEDGER && method.equals("POST")) {
            Matcher agency = ACTING_AGENCY.matcher(body);
            return agency.find() ? agency.group(1) : "JP/METI";
        }
        return "auditor";
    }
}
