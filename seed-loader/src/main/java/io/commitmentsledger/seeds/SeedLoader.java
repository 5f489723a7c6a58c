package io.commitmentsledger.seeds;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the seed commitments (the {@code seeds/} directory at the repository root) into a running commitments-service.
 *
 * <p>Every {@code *.json} file under the seeds directory is an ordered list of API commands, {@code {"id", "method",
 * "path", "body"}}; files are sent in the order of their paths, commands in file order. Each command carries {@code
 * Idempotency-Key: seed-<id>}, so loading the same seeds again records nothing new: the service replays its first
 * answer. Each command is sent with a bearer token for the agency its body names ({@code actingAgency}): the ledger
 * takes the actor from the token. A rejected command is reported with the problem's status, detail and errors, and the
 * loader goes on with the rest.
 *
 * <p>Seeds are corrected without rewriting any ledger's history. A command that replaces an earlier version of the
 * seeds names it ({@code "supersedes": "<earlier id>"}) and lists {@code "corrections"}: commands that bring a ledger
 * holding the earlier version to the same facts, by recording correction events with their reasons. A fresh ledger
 * records the command itself; a ledger that already agreed the commitment answers 409 {@code commitment-exists}, and
 * the loader then sends the corrections instead (each with its own idempotency key, so they too are recorded once).
 *
 * <p>From the command line, with the clients {@code ./run-ledger} generated ({@link ClientCredentials#fromProperties}):
 *
 * <pre>./mvnw -q -pl local-stack exec:java -Dexec.mainClass=io.commitmentsledger.seeds.SeedLoader \
 *     -Dexec.args="http://localhost:8080 seeds http://localhost:9000/oauth2/token .ledger-data/authorization/clients.properties"</pre>
 */
public final class SeedLoader {

    /** What {@code main} uses without arguments. */
    public static final URI DEFAULT_BASE = URI.create("http://localhost:8080");

    public static final Path DEFAULT_SEEDS = Path.of("seeds");

    public static final URI DEFAULT_TOKEN_ENDPOINT = URI.create("http://localhost:9000/oauth2/token");

    /** Where {@code ./run-ledger} keeps its clients' secrets. */
    public static final Path DEFAULT_CLIENTS = Path.of(".ledger-data", "authorization", "clients.properties");

    /** Prefix of every command's {@code Idempotency-Key}. */
    public static final String KEY_PREFIX = "seed-";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 5;

    /**
     * One API command of a seed file. {@code supersedes} names the earlier version of the seeds' command it replaces,
     * and {@code corrections} are sent instead when the ledger already holds that earlier version; both are absent for
     * most commands.
     */
    public record Command(
            Path file,
            String id,
            String method,
            String path,
            JsonNode body,
            @Nullable String supersedes,
            List<Command> corrections) {

        public Command {
            corrections = List.copyOf(corrections);
        }

        public Command(Path file, String id, String method, String path, JsonNode body) {
            this(file, id, method, path, body, null, List.of());
        }

        public String idempotencyKey() {
            return KEY_PREFIX + id;
        }

        /** The agency the command is sent as: its body's {@code actingAgency}, such as {@code JP/METI}. */
        public String actingAgency() {
            return body.get("actingAgency").asString();
        }
    }

    /** A command the service refused, with what its problem details said ({@code type} is null if they name none). */
    public record Rejection(
            Command command, int status, @Nullable String type, String detail, List<String> errors) {}

    /**
     * The outcome of one load: {@code recorded} commands recorded events now, {@code replayed} ones were already there
     * (answered again for their idempotency key, or accepted without change), {@code superseded} ones found the
     * earlier version they replace already in the ledger (their corrections were sent and are counted as recorded or
     * replayed), {@code rejected} ones were refused.
     */
    public record Result(int commands, int recorded, int replayed, int superseded, List<Rejection> rejected) {

        public boolean ok() {
            return rejected.isEmpty();
        }
    }

    private SeedLoader() {}

    public static void main(String[] args) {
        URI base = args.length > 0 ? URI.create(args[0]) : DEFAULT_BASE;
        Path seeds = args.length > 1 ? Path.of(args[1]) : DEFAULT_SEEDS;
        URI tokenEndpoint = args.length > 2 ? URI.create(args[2]) : DEFAULT_TOKEN_ENDPOINT;
        Path clients = args.length > 3 ? Path.of(args[3]) : DEFAULT_CLIENTS;
        Result result;
        try {
            result = load(base, seeds, System.out, ClientCredentials.fromProperties(tokenEndpoint, clients));
        } catch (RuntimeException e) {
            System.err.println("Seeds not loaded: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(result.ok() ? 0 : 1);
    }

    /**
     * Sends every command of the seeds to the service at {@code base}, each with a client-credentials token for its
     * acting agency, printing progress and a summary to out.
     */
    public static Result load(URI base, Path seeds, PrintStream out, ClientCredentials credentials) {
        return load(base, seeds, out, credentials::authorization);
    }

    /**
     * Sends every command of the seeds to the service at {@code base}, printing progress and a summary to out.
     *
     * @param authorization the {@code Authorization} header value for an acting agency ({@code "JP/METI"} to {@code
     *     "Bearer ..."}); null sends none
     */
    public static Result load(URI base, Path seeds, PrintStream out, Function<String, @Nullable String> authorization) {
        List<Command> commands = readSeeds(seeds);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Tally tally = new Tally();
        out.printf("Loading %d commands from %s into %s%n", commands.size(), seeds, base);
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            String step = "[" + (i + 1) + "/" + commands.size() + "]";
            HttpResponse<String> response = send(http, base, command, authorization.apply(command.actingAgency()));
            if (!command.corrections().isEmpty() && holdsTheEarlierVersion(response)) {
                tally.superseded++;
                out.printf(
                        "%s %s %s -> %d the ledger holds the earlier %s: sending its %d correction(s)%n",
                        step,
                        command.method(),
                        command.path(),
                        response.statusCode(),
                        command.supersedes(),
                        command.corrections().size());
                for (Command correction : command.corrections()) {
                    tally.corrections++;
                    HttpResponse<String> corrected =
                            send(http, base, correction, authorization.apply(correction.actingAgency()));
                    out.printf(
                            "%s   correction %s %s -> %d %s%n",
                            step,
                            correction.method(),
                            correction.path(),
                            corrected.statusCode(),
                            tally.count(correction, corrected));
                }
                continue;
            }
            out.printf(
                    "%s %s %s -> %d %s%n",
                    step, command.method(), command.path(), response.statusCode(), tally.count(command, response));
        }
        out.printf(
                "%d commands%s: %d recorded, %d already there, %d corrected in place of an earlier version, %d rejected%n",
                commands.size(),
                tally.corrections == 0 ? "" : " and " + tally.corrections + " corrections",
                tally.recorded,
                tally.replayed,
                tally.superseded,
                tally.rejected.size());
        for (Rejection rejection : tally.rejected) {
            Command command = rejection.command();
            out.printf(
                    "rejected %s (%s, %s %s): %d %s: %s%n",
                    command.id(),
                    command.file().getFileName(),
                    command.method(),
                    command.path(),
                    rejection.status(),
                    rejection.type(),
                    rejection.detail());
            rejection.errors().forEach(error -> out.println("    " + error));
        }
        return new Result(
                commands.size(), tally.recorded, tally.replayed, tally.superseded, List.copyOf(tally.rejected));
    }

    /** What one load did so far. */
    private static final class Tally {
        int recorded;
        int replayed;
        int superseded;
        int corrections;
        final List<Rejection> rejected = new ArrayList<>();

        /** Counts one answer and says what it was. */
        String count(Command command, HttpResponse<String> response) {
            if (response.statusCode() / 100 != 2) {
                rejected.add(rejection(command, response));
                return "REJECTED";
            }
            if (wasReplayed(response) || !recordedAnything(response)) {
                replayed++;
                return "already there";
            }
            recorded++;
            return "recorded";
        }
    }

    /** The service refused an agreement because the commitment exists: the ledger holds an earlier version. */
    private static boolean holdsTheEarlierVersion(HttpResponse<String> response) {
        return response.statusCode() == 409
                && problem(response, "type").filter("commitment-exists"::equals).isPresent();
    }

    /** Every command of every {@code *.json} file under seeds, files in path order, commands in file order. */
    public static List<Command> readSeeds(Path seeds) {
        if (!Files.isDirectory(seeds)) {
            throw new IllegalArgumentException("no seeds directory at " + seeds.toAbsolutePath());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(seeds)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(file -> seeds.relativize(file).toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Command> commands = new ArrayList<>();
        for (Path file : files) {
            commands.addAll(readFile(file));
        }
        return commands;
    }

    /** The commands of one seed file. */
    public static List<Command> readFile(Path file) {
        JsonNode list;
        try {
            list = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(file + " must hold a JSON array of commands");
        }
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            commands.add(readCommand(file, list.get(i), file + " command " + (i + 1), true));
        }
        return commands;
    }

    private static Command readCommand(Path file, JsonNode node, String where, boolean mayCorrect) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " is not an object");
        }
        List<String> fields = mayCorrect
                ? List.of("id", "method", "path", "body", "supersedes", "corrections")
                : List.of("id", "method", "path", "body");
        for (String field : node.propertyNames()) {
            if (!fields.contains(field)) {
                throw new IllegalArgumentException(where + " has an unknown field '" + field + "'");
            }
        }
        String id = text(node, "id", where);
        if (!id.matches("[\\x21-\\x7E]{1,200}")) {
            throw new IllegalArgumentException(where + ": id must be 1 to 200 printable ASCII characters");
        }
        String method = text(node, "method", where);
        String path = text(node, "path", where);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(where + ": path must start with '/'");
        }
        JsonNode body = node.get("body");
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException(where + ": body must be a JSON object");
        }
        // The loader sends each command with a token for this agency.
        JsonNode actingAgency = body.get("actingAgency");
        if (actingAgency == null
                || !actingAgency.isString()
                || actingAgency.asString().isBlank()) {
            throw new IllegalArgumentException(where + ": body must name its actingAgency, such as \"JP/METI\"");
        }
        if (node.has("supersedes") != node.has("corrections")) {
            throw new IllegalArgumentException(
                    where + ": 'supersedes' and 'corrections' come together: what it replaces, and how to correct a"
                            + " ledger that holds it");
        }
        if (!node.has("supersedes")) {
            return new Command(file, id, method, path, body);
        }
        String supersedes = text(node, "supersedes", where);
        JsonNode list = node.get("corrections");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": corrections must be a non-empty array of commands");
        }
        List<Command> corrections = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            corrections.add(readCommand(file, list.get(i), where + " correction " + (i + 1), false));
        }
        return new Command(file, id, method, path, body, supersedes, corrections);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a non-blank string");
        }
        return value.asString();
    }

    /** Sends one command, retrying while the service answers 503 (busy) or 409 concurrent-modification. */
    private static HttpResponse<String> send(
            HttpClient http, URI base, Command command, @Nullable String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(command.path()));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Idempotency-Key", command.idempotencyKey())
                .method(command.method(), HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(command.body())))
                .build();
        try {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (attempt == ATTEMPTS || !retryable(response)) {
                    return response;
                }
                Thread.sleep(500L * attempt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading seeds", e);
        }
    }

    private static boolean retryable(HttpResponse<String> response) {
        return response.statusCode() == 503
                || response.statusCode() == 409
                        && problem(response, "type")
                                .filter("concurrent-modification"::equals)
                                .isPresent();
    }

    private static boolean wasReplayed(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Idempotent-Replayed")
                .map("true"::equalsIgnoreCase)
                .orElse(false);
    }

    /** False only when the service said {@code "recorded": false}: it accepted the command but nothing changed. */
    private static boolean recordedAnything(HttpResponse<String> response) {
        JsonNode recorded = json(response).get("recorded");
        return recorded == null || !recorded.isBoolean() || recorded.asBoolean();
    }

    private static Rejection rejection(Command command, HttpResponse<String> response) {
        JsonNode problem = json(response);
        List<String> errors = new ArrayList<>();
        JsonNode list = problem.get("errors");
        if (list != null && list.isArray()) {
            for (JsonNode error : list) {
                errors.add(
                        error.isObject() && error.has("field")
                                ? error.get("field").asString() + ": "
                                        + error.path("message").asString()
                                : error.toString());
            }
        }
        String detail = problem.has("detail") ? problem.get("detail").asString() : response.body();
        return new Rejection(
                command, response.statusCode(), problem(response, "type").orElse(null), detail, List.copyOf(errors));
    }

    /** A problem's field if it has one, with the type shortened to its last segment ({@code invalid-request}). */
    private static Optional<String> problem(HttpResponse<String> response, String field) {
        JsonNode value = json(response).get(field);
        if (value == null || !value.isString()) {
            return Optional.empty();
        }
        String text = value.asString();
        return Optional.of("type".equals(field) ? text.substring(text.lastIndexOf('/') + 1) : text);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            JsonNode node = JSON.readTree(response.body());
            return node == null ? JSON.createObjectNode() : node;
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }
}
