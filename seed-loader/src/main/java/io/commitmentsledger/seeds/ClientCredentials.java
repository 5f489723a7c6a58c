package io.commitmentsledger.seeds;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens for the parties a program acts as, from an OAuth 2.0 token endpoint with the client-credentials
 * grant (client secret in HTTP Basic), each reused until shortly before it expires. A party is named by an agency
 * ({@code JP/METI}) or, for a client that acts for none, by its role ({@code auditor}, {@code admin}).
 *
 * <p>Safe for many threads: each party's token is fetched once, while others wait for it.
 */
public final class ClientCredentials {

    /** A token is renewed this long before it expires, so none expires on its way to the service. */
    public static final Duration DEFAULT_RENEW_BEFORE = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CLIENT_PROPERTY =
            Pattern.compile("ledger\\.authorization\\.clients\\.([^.]+)\\.(secret|agency|roles)");

    /** One OAuth 2.0 client. */
    public record Client(String clientId, String secret) {

        public Client {
            if (clientId == null || clientId.isBlank() || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("a client needs an id and a secret");
            }
        }

        @Override
        public String toString() {
            return "Client[" + clientId + "]";
        }
    }

    private record Token(String value, Instant renewAt) {}

    private final URI tokenEndpoint;
    private final Map<String, Client> clients;
    private final HttpClient http;
    private final Clock clock;
    private final Duration renewBefore;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param tokenEndpoint such as {@code http://localhost:9000/oauth2/token}
     * @param clients each party's client: {@code "JP/METI" -> (jp-meti, secret)}, {@code "auditor" -> (auditor,
     *     secret)}
     */
    public ClientCredentials(URI tokenEndpoint, Map<String, Client> clients) {
        this(
                tokenEndpoint,
                clients,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                Clock.systemUTC(),
                DEFAULT_RENEW_BEFORE);
    }

    public ClientCredentials(
            URI tokenEndpoint, Map<String, Client> clients, HttpClient http, Clock clock, Duration renewBefore) {
        this.tokenEndpoint = tokenEndpoint;
        this.clients = Map.copyOf(clients);
        this.http = http;
        this.clock = clock;
        this.renewBefore = renewBefore;
    }

    /**
     * The clients of a properties file written as the local authorization server reads it ({@code
     * ledger.authorization.clients.<client id>.secret}, {@code .agency}, {@code .roles}), each under its agency, or
     * under each of its roles if it names no agency.
     */
    public static ClientCredentials fromProperties(URI tokenEndpoint, Path clientsProperties) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(clientsProperties, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the clients in " + clientsProperties + ": " + e.getMessage(), e);
        }
        Map<String, Map<String, String>> byClient = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            Matcher matcher = CLIENT_PROPERTY.matcher(name);
            if (matcher.matches()) {
                byClient.computeIfAbsent(matcher.group(1), id -> new LinkedHashMap<>())
                        .put(matcher.group(2), properties.getProperty(name).strip());
            }
        }
        Map<String, Client> clients = new LinkedHashMap<>();
        byClient.forEach((clientId, fields) -> {
            String secret = fields.get("secret");
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException(clientsProperties + " gives the client " + clientId + " no secret");
            }
            Client client = new Client(clientId, secret);
            String agency = fields.get("agency");
            if (agency != null && !agency.isBlank()) {
                clients.put(agency, client);
            } else {
                for (String role : fields.getOrDefault("roles", "").split(",")) {
                    if (!role.isBlank()) {
                        clients.put(role.strip(), client);
                    }
                }
            }
        });
        if (clients.isEmpty()) {
            throw new IllegalArgumentException(clientsProperties + " names no client");
        }
        return new ClientCredentials(tokenEndpoint, clients);
    }

    /** The parties this can act as: agencies and roles. */
    public java.util.Set<String> parties() {
        return clients.keySet();
    }

    /** {@code Authorization} header value for {@code party}: {@code Bearer <token>}. */
    public String authorization(String party) {
        return "Bearer " + token(party);
    }

    /** A valid access token for {@code party}, the cached one unless it expires within the renewal margin. */
    public String token(String party) {
        Client client = clients.get(party);
        if (client == null) {
            throw new IllegalArgumentException("no client acts as " + party + "; known: " + clients.keySet());
        }
        Token cached = tokens.get(party);
        if (cached != null && clock.instant().isBefore(cached.renewAt())) {
            return cached.value();
        }
        synchronized (locks.computeIfAbsent(party, any -> new Object())) {
            cached = tokens.get(party);
            if (cached != null && clock.instant().isBefore(cached.renewAt())) {
                return cached.value();
            }
            Token fresh = fetch(client);
            tokens.put(party, fresh);
            return fresh.value();
        }
    }

    /** Forgets party's token, so the next call fetches another: for a token the service refused (401). */
    public void forget(String party) {
        tokens.remove(party);
    }

    private Token fetch(Client client) {
        Instant asked = clock.instant();
        String basic = Base64.getEncoder()
                .encodeToString(
                        (form(client.clientId()) + ":" + form(client.secret())).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the token endpoint " + tokenEndpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + tokenEndpoint + " for a token", e);
        }
        JsonNode body = json(response.body());
        if (response.statusCode() != 200 || !body.path("access_token").isString()) {
            throw new IllegalStateException("the token endpoint " + tokenEndpoint + " refused the client "
                    + client.clientId() + ": " + response.statusCode() + " "
                    + body.path("error").asString("")
                    + " " + body.path("error_description").asString(""));
        }
        // Without expires_in (it is only recommended) the token is fetched again for every use.
        long lifetime = body.path("expires_in").asLong(0);
        Instant renewAt = asked.plusSeconds(lifetime).minus(renewBefore);
        return new Token(body.get("access_token").asString(), renewAt);
    }

    /** RFC 6749 2.3.1: the client id and secret are form-encoded before HTTP Basic encodes them. */
    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? JSON.createObjectNode() : node;
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }
}
