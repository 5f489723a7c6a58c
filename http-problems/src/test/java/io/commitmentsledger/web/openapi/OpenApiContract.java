package io.commitmentsledger.web.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks a real response against the OpenAPI 3.1 document the service serves, so that the document and the code
 * cannot drift: the request's path matches a path template of the document and its method an operation there; the
 * status is one the operation documents; the response's content type is documented for that status; the body
 * validates against the documented schema (OpenAPI 3.1 schemas are JSON Schema 2020-12, validated with formats
 * asserted, {@code #/components/schemas} references resolved within the document); and every documented required
 * header is present and matches its schema.
 *
 * <p>Requests outside the API ({@code /actuator}, the pages, the document itself) are not checked. A request under
 * the API's prefix that matches no documented operation must be refused with a documented {@code Problem} (400, 404 or
 * 405): an unknown path or method is a protocol error, not a way around the contract.
 *
 * <p>Every response checked counts towards {@link #checkedResponses()}, every failure is remembered in {@link
 * #violations()} as well as thrown, so that a failure inside another thread is not lost ({@link Coverage}).
 */
public final class OpenApiContract {

    /** A response as a test received it, with the request that asked for it. */
    public record Exchange(String method, URI uri, int status, Map<String, List<String>> headers, String body) {

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .flatMap(header -> header.getValue().stream())
                    .findFirst();
        }

        @Override
        public String toString() {
            return method + " " + uri + " answered " + status + " "
                    + header("Content-Type").orElse("(no content type)") + ": "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    private final JsonNode document;
    private final String base;
    private final String apiPrefix;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /**
     * @param document the served document, as JSON
     * @param apiPrefix the paths the API owns, such as {@code /api/}: a request under it must match the document
     */
    public OpenApiContract(String document, String apiPrefix) {
        this.document = JSON.readTree(document);
        this.apiPrefix = apiPrefix;
        if (!this.document.path("openapi").asString("").startsWith("3.1")) {
            throw new IllegalArgumentException("not an OpenAPI 3.1 document");
        }
        this.base = "https://commitments-ledger.dev/openapi/" + Integer.toHexString(document.hashCode()) + ".json";
        this.registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build())
                        .schemas(Map.of(base, document)));
    }

    /** How many responses were checked in this JVM, by every contract. */
    public static int checkedResponses() {
        return CHECKED.get();
    }

    /** Every failed check in this JVM, by every contract. */
    public static List<String> violations() {
        return List.copyOf(VIOLATIONS);
    }

    /**
     * Every error status (4xx, 5xx) of every operation, as {@code METHOD path status} mapped to the schema its
     * problem+json content references, or to the empty string when it has none.
     */
    public Map<String, String> errorResponses() {
        Map<String, String> errors = new java.util.TreeMap<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (METHODS.contains(operation.getKey())) {
                        operation.getValue().path("responses").properties().forEach(response -> {
                            if (response.getKey().compareTo("400") >= 0) {
                                errors.put(
                                        operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " "
                                                + response.getKey(),
                                        response.getValue()
                                                .at("/content/" + escape(Problems.MEDIA_TYPE) + "/schema/$ref")
                                                .asString(""));
                            }
                        });
                    }
                }));
        return errors;
    }

    /**
     * Checks the exchange and counts it; a response that breaks the contract fails with an {@link AssertionError}
     * naming every way it does.
     *
     * @return whether the exchange was checked (false for requests outside the API)
     */
    public boolean check(Exchange exchange) {
        Optional<List<String>> problems = problems(exchange);
        if (problems.isEmpty()) {
            return false;
        }
        CHECKED.incrementAndGet();
        if (!problems.get().isEmpty()) {
            String message = "The response breaks the OpenAPI document:\n  " + String.join("\n  ", problems.get())
                    + "\n" + exchange;
            VIOLATIONS.add(message);
            throw new AssertionError(message);
        }
        return true;
    }

    /** What is wrong with the exchange, or empty when it is outside the API. */
    public Optional<List<String>> problems(Exchange exchange) {
        String path = exchange.uri().getRawPath();
        String method = exchange.method().toLowerCase(Locale.ROOT);
        List<String> problems = new ArrayList<>();
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            if (!path.startsWith(apiPrefix)) {
                return Optional.empty();
            }
            refusedAsProtocolError(exchange, "no path template of the document matches " + path, problems);
            return Optional.of(problems);
        }
        JsonNode operation = document.path("paths").path(template.get()).path(method);
        if (!METHODS.contains(method) || operation.isMissingNode()) {
            refusedAsProtocolError(
                    exchange, template.get() + " documents no " + exchange.method() + " operation", problems);
            return Optional.of(problems);
        }
        String operationPointer = "/paths/" + escape(template.get()) + "/" + method;
        String status = String.valueOf(exchange.status());
        JsonNode responses = operation.path("responses");
        String documented = responses.has(status)
                ? status
                : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX" : "default";
        if (!responses.has(documented)) {
            problems.add("status " + status + " is not documented for " + exchange.method() + " " + template.get()
                    + " (documented: " + responses.propertyNames() + ")");
            return Optional.of(problems);
        }
        checkResponse(exchange, operationPointer + "/responses/" + documented, problems);
        return Optional.of(problems);
    }

    /** An undocumented path or method under the API: only a protocol error, answered as a documented problem. */
    private void refusedAsProtocolError(Exchange exchange, String what, List<String> problems) {
        if (!List.of(400, 404, 405).contains(exchange.status())) {
            problems.add(what + ", yet it was answered " + exchange.status() + " rather than 400, 404 or 405");
        }
        if (!document.path("components").path("schemas").has(Problems.SCHEMA)) {
            problems.add("the document has no " + Problems.SCHEMA + " schema for the problem answering it");
            return;
        }
        String type = mediaType(exchange);
        if (!Problems.MEDIA_TYPE.equals(type)) {
            problems.add(what + ", and it was answered as " + type + " rather than " + Problems.MEDIA_TYPE);
            return;
        }
        validate(exchange.body(), "/components/schemas/" + Problems.SCHEMA, "the body", problems);
    }

    private void checkResponse(Exchange exchange, String responsePointer, List<String> problems) {
        JsonNode response = document.at(responsePointer);
        if (response.has("$ref")) {
            problems.add(responsePointer + " is a reference, which this check does not follow");
            return;
        }
        response.path("headers").properties().forEach(header -> {
            String name = header.getKey();
            JsonNode description = header.getValue();
            Optional<String> value = exchange.header(name);
            if (value.isEmpty()) {
                if (description.path("required").asBoolean(false)) {
                    problems.add("the required header " + name + " is missing");
                }
                return;
            }
            if (description.has("schema")) {
                validate(
                        headerValue(value.get(), description.path("schema")),
                        responsePointer + "/headers/" + escape(name) + "/schema",
                        "the header " + name,
                        problems);
            }
        });
        JsonNode content = response.path("content");
        boolean hasBody = !exchange.body().isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            if (hasBody) {
                problems.add("status " + exchange.status() + " is documented without a body, yet one was answered");
            }
            return;
        }
        String type = mediaType(exchange);
        if (!content.has(type)) {
            problems.add("the content type " + type + " is not documented for status " + exchange.status()
                    + " (documented: " + content.propertyNames() + ")");
            return;
        }
        if (!hasBody) {
            problems.add("status " + exchange.status() + " is documented with a " + type + " body, yet none came");
            return;
        }
        if (type.equals("application/json") || type.endsWith("+json")) {
            validate(exchange.body(), responsePointer + "/content/" + escape(type) + "/schema", "the body", problems);
        }
    }

    private void validate(String json, String pointer, String what, List<String> problems) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (RuntimeException e) {
            problems.add(what + " is not JSON: " + e.getMessage());
            return;
        }
        validate(node, pointer, what, problems);
    }

    private void validate(JsonNode node, String pointer, String what, List<String> problems) {
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(base + "#" + p)));
        for (Error error : schema.validate(node)) {
            problems.add(what + " does not match " + pointer + ": " + error);
        }
    }

    private static JsonNode headerValue(String value, JsonNode schema) {
        JsonNode type = schema.path("type");
        boolean integer = type.asString("").equals("integer")
                || (type.isArray()
                        && type.valueStream().anyMatch(t -> t.asString("").equals("integer")));
        if (integer && value.matches("-?[0-9]{1,18}")) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
        }
        return JsonNodeFactory.instance.stringNode(value);
    }

    /** The path template matching the path; the one with the most literal segments when several do. */
    private Optional<String> template(String path) {
        String[] segments = path.split("/", -1);
        return document.path("paths").propertyNames().stream()
                .filter(template -> matches(template.split("/", -1), segments))
                .min(Comparator.comparingLong((String template) ->
                        template.chars().filter(c -> c == '{').count()));
    }

    private static boolean matches(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean variable = template[i].startsWith("{") && template[i].endsWith("}");
            if (variable ? segments[i].isEmpty() : !template[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static String mediaType(Exchange exchange) {
        return exchange.header("Content-Type")
                .map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .orElse("(none)");
    }

    /** A JSON pointer token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
