package io.commitmentsledger.projection.fuzz;

import io.commitmentsledger.projection.fuzz.FuzzJson.DuplicateKey;
import io.commitmentsledger.projection.fuzz.FuzzJson.Raw;
import io.commitmentsledger.projection.fuzz.FuzzRequest.Service;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The generators: valid commands aimed at a pool of commitments (so that state changes and later commands meet every
 * rule), the same commands with a body, a header or a path made wrong in one place, and every other endpoint of both
 * services with odd methods, paths, query parameters and headers.
 */
final class FuzzRequests {

    /** Commitments the generated commands aim at: enough that some stay open until the end of a run. */
    static final int POOL = 120;

    static final String PARTNERSHIP = "jp-uk-digital-partnership";

    private static final List<String> WORKSHOPS = List.of("ws-1", "ws-2", "ws-3");

    private static final LocalDate FIRST_AGREEMENT = LocalDate.of(2024, 1, 1);

    /** Characters that text fields must refuse or keep intact: C0, DEL, C1, bidi controls, BOM, non-characters. */
    private static final List<String> ODD_CHARACTERS = List.of(
            "\u0000",
            "\u0001",
            "\u0007",
            "\u0008",
            "\t",
            "\n",
            "\r",
            "\u001B[31m",
            "\u001F",
            "\u007F",
            "\u0080",
            "\u0085",
            "\u009F",
            "\u00A0",
            "\u200B",
            "\u200E",
            "\u202A",
            "\u202E",
            "\u2066",
            "\u2069",
            "\uFEFF",
            "\uFFFE",
            "\uFFFF",
            "\uD800",
            "\uDC00",
            "\uD83D\uDE00");

    /** Bytes that are not UTF-8, or not allowed unescaped in a JSON string, written inside a string value. */
    private static final List<String> BAD_STRING_BYTES = List.of(
            "\u00FF",
            "\u00FE",
            "\u00C3\u0028",
            "\u00C0\u00AF",
            "\u00E0\u0080\u00AF",
            "\u00ED\u00A0\u0080",
            "\u00F4\u0090\u0080\u0080",
            "\u00F8\u0088\u0080\u0080\u0080",
            "\u0080",
            "\u0000",
            "\u0001",
            "\n",
            "\u00C2\u0085",
            "\u007F");

    private static final List<String> IMPOSSIBLE_DATES = List.of(
            "2024-02-30",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "0000-01-01",
            "-0001-01-01",
            "99999-01-01",
            "+99999-01-01",
            "+1000000000-01-01",
            "2024-1-1",
            "24-01-01",
            "2024/01/16",
            "16.01.2024",
            "",
            " ",
            "2024-01-16T00:00:00Z",
            "2024-01-16 ",
            "2024-01-16\u0000",
            "2099-01-01",
            "9999-12-31");

    private static final List<String> IMPOSSIBLE_QUARTERS = List.of(
            "2024-Q5",
            "2024-Q0",
            "2024-Q-1",
            "0000-Q1",
            "99999-Q1",
            "+99999-Q1",
            "2024-q1",
            "2024Q1",
            "Q1-2024",
            "2024-Q1 ",
            "2024-Q",
            "",
            "2024-Q１");

    private static final List<Object> WRONG_TYPES = List.of(
            42,
            -1,
            0,
            true,
            false,
            List.of(),
            Map.of(),
            List.of("JP/METI"),
            Map.of("value", "x"),
            "text",
            Raw.of("1e999999"),
            Raw.of("-0.0"),
            Raw.of("12345678901234567890123"),
            Raw.of("NaN"),
            Raw.of("Infinity"));

    private static final List<String> NOT_JSON = List.of(
            "",
            " ",
            "{",
            "}",
            "[]",
            "null",
            "42",
            "\"text\"",
            "{\"a\":}",
            "{'a':1}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{}",
            "[{}]",
            "{\"a\":1}{\"b\":2}",
            "/* comment */ {}",
            "\u00EF\u00BB\u00BF{}",
            "\u0000",
            "{\"a\":\"\u0000");

    /** Path segments where an id belongs: wrong slugs, encoded separators and NULs, bytes that are not UTF-8. */
    private static final List<String> ODD_SEGMENTS = List.of(
            "UPPER",
            "a_b",
            "-a",
            "a--b",
            "a-",
            "x".repeat(300),
            "%FF",
            "%00",
            "%2F",
            "a%2Fb",
            "%2e%2e",
            "..",
            ".",
            "caf%C3%A9",
            "%E2%80%AE",
            "%C2%85",
            "%7F",
            "%01",
            "%20",
            "a%20b",
            "\u00C3",
            "\u00FF",
            "a;b",
            "a;jsessionid=1",
            "%25",
            "%",
            "%G1",
            "a%",
            "%7Bid%7D",
            "*",
            "~",
            "a+b",
            "0",
            "-1",
            "9223372036854775808",
            "%EF%BB%BF");

    /** Query parameter values: bad escapes, encoded control characters, raw bytes, very long. */
    private static final List<String> ODD_QUERY_VALUES = List.of(
            "",
            "%FF",
            "%00",
            "%01",
            "%1B",
            "%7F",
            "%C2%85",
            "%E2%80%AE",
            "%C3%28",
            "%ED%A0%80",
            "%",
            "%G0",
            "a%20b",
            "+",
            "\u00FF",
            "x".repeat(2000),
            "%F0%9F%98%80",
            "%27%3B--",
            "%5C",
            "%25");

    private static final List<String> IF_MATCH = List.of(
            "garbage",
            "3",
            "\"abc\"",
            "\"-1\"",
            "\"99999999999999999999\"",
            "W/\"0\"",
            "w/\"0\"",
            "\"0\", \"1\"",
            "\"0\",",
            ",",
            "*, \"0\"",
            "",
            " ",
            "\"0",
            "W/",
            "\"\u00E9\"",
            "\"0\" \"1\"",
            "**",
            "\"0\"".repeat(500));

    private static final List<String> IDEMPOTENCY_KEYS = List.of(
            "k".repeat(256),
            "k".repeat(4000),
            "",
            " ",
            "key with spaces",
            "\u00D0\u00BA\u00D0\u00BB\u00D1\u008E\u00D1\u0087",
            "\u00E9",
            "a\tb",
            "\u007F",
            "k\"k",
            "\u00C3\u0028");

    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "application/json; charset=latin1",
            "application/json; charset=utf-16",
            "application/json; charset=\"utf-8\"",
            "application/json; charset=nonsense",
            "application/merge-patch+json",
            "application/problem+json",
            "application/JSON",
            "application/json;;;",
            "json",
            "*/*",
            "application/*",
            "",
            "multipart/form-data; boundary=x",
            "application/json\u00E9");

    private static final List<String> ACCEPTS = List.of(
            "text/html",
            "application/xml",
            "*/*;q=0",
            "application/json;q=0",
            "garbage",
            "",
            "application/problem+json",
            "text/*",
            "image/png",
            "application/json, */*;q=0.1",
            "*/*",
            "application/json;q=nonsense",
            "text/event-stream");

    private FuzzRequests() {}

    /** Every kind of request, weighted so that about a third are valid commands. */
    static Gen<FuzzRequest> requests() {
        return Gen.frequencyOf(
                Tuple.of(30, validCommands()),
                Tuple.of(20, commandsWithAWrongBody()),
                Tuple.of(8, commandsWithAWrongHeader()),
                Tuple.of(2, oversizedCommands()),
                Tuple.of(2, deeplyNestedCommands()),
                Tuple.of(6, oddMethods()),
                Tuple.of(6, historyReads()),
                Tuple.of(4, oddPaths()),
                Tuple.of(18, projectionQueries()),
                Tuple.of(4, pages()),
                Tuple.of(1, rebuilds()),
                Tuple.of(1, operations()));
    }

    // ---- commands -------------------------------------------------------------------------------------------

    /** A command as the API takes it: the path, a valid body and the commitment it is about. */
    record Command(
            String kind,
            String path,
            Map<String, Object> body,
            @Nullable String commitmentId) {}

    /** Biased towards the first ids, so that most commands meet a commitment that exists and has a history. */
    static Gen<String> poolIds() {
        return Gen.biasedIntegers(0, POOL - 1).map(n -> "fz-" + n);
    }

    static Gen<Command> commands() {
        return Gen.frequencyOf(
                Tuple.of(4, agreements()),
                Tuple.of(5, facts("confirmations", "confirmedOn", Gen.just(Map.of()))),
                Tuple.of(4, facts("workshops", "scheduledOn", workshopBodies())),
                Tuple.of(2, workshopFacts("reschedulings", "rescheduledOn", rescheduleBodies())),
                Tuple.of(1, workshopFacts("cancellation", "cancelledOn", reasons("reason"))),
                Tuple.of(1, workshopFacts("outcome", "heldOn", reasons("outcome"))),
                Tuple.of(3, facts("progress-reports", "reportedOn", progressBodies())),
                Tuple.of(3, facts("completions", "completedOn", reasons("evidence"))),
                Tuple.of(2, facts("amendments", "amendedOn", amendmentBodies())),
                Tuple.of(1, facts("withdrawal", "withdrawnOn", reasons("reason"))));
    }

    private static Gen<Command> agreements() {
        Gen<@Nullable String> ids =
                Gen.frequencyOf(Tuple.of(9, poolIds().map(id -> (@Nullable String) id)), Tuple.of(1, Gen.just(null)));
        return Gen.combine(
                        ids,
                        Gen.of("semiconductors", "ai", "data", "open-ran"),
                        Gen.of(List.of("METI"), List.of("METI", "MIC"), List.of("METI", "MIC", "DIGITAL")),
                        targets(),
                        Gen.integers(0, 19),
                        Gen.of("JP/METI", "GB/DSIT", "JP/MIC", "FR/MEAE"),
                        Gen.of("", " and its follow-up", " \u00E9t\u00E9 \u65E5\u672C"))
                .as((id, area, japan, target, day, agency, suffix) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    if (id != null) {
                        body.put("commitmentId", id);
                    }
                    body.put("partnershipId", PARTNERSHIP);
                    body.put("area", area);
                    body.put("title", "Fuzzed workshop commitment" + suffix);
                    body.put("description", "Explore further cooperation" + suffix);
                    body.put(
                            "parties",
                            List.of(
                                    Map.of("country", "JP", "agencies", japan),
                                    Map.of("country", "GB", "agencies", List.of("DSIT"))));
                    body.put("target", target);
                    body.put("agreedOn", FIRST_AGREEMENT.plusDays(day).toString());
                    body.put(
                            "source",
                            Map.of(
                                    "title", "Outcome document",
                                    "url", "https://www.meti.go.jp/english/press/2024/0116_002.html",
                                    "section", "2(2)"));
                    body.put("actingAgency", agency);
                    return new Command("agree", "/api/v1/commitments", body, id);
                });
    }

    /** A command on a commitment: its own fields, the day it happened and the acting agency. */
    private static Gen<Command> facts(String name, String dayField, Gen<Map<String, Object>> fields) {
        return Gen.combine(poolIds(), fields, days(), agencies())
                .as((id, own, day, agency) -> new Command(
                        name, "/api/v1/commitments/" + id + "/" + name, body(own, dayField, day, agency), id));
    }

    private static Gen<Command> workshopFacts(String name, String dayField, Gen<Map<String, Object>> fields) {
        return Gen.combine(poolIds(), Gen.of(WORKSHOPS), fields, days(), agencies())
                .as((id, workshop, own, day, agency) -> new Command(
                        name,
                        "/api/v1/commitments/" + id + "/workshops/" + workshop + "/" + name,
                        body(own, dayField, day, agency),
                        id));
    }

    private static Map<String, Object> body(Map<String, Object> own, String dayField, String day, String agency) {
        Map<String, Object> body = new LinkedHashMap<>(own);
        body.put(dayField, day);
        body.put("actingAgency", agency);
        return body;
    }

    /** Days after the earliest agreement, some before the commitment's own agreement. */
    private static Gen<String> days() {
        return Gen.integers(0, 90).map(n -> FIRST_AGREEMENT.plusDays(n).toString());
    }

    private static Gen<String> agencies() {
        return Gen.frequencyOf(
                Tuple.of(5, Gen.just("JP/METI")),
                Tuple.of(5, Gen.just("GB/DSIT")),
                Tuple.of(1, Gen.just("JP/MIC")),
                Tuple.of(1, Gen.just("FR/MEAE")));
    }

    private static Gen<Map<String, Object>> targets() {
        return Gen.oneOf(
                Gen.of("2024-Q1", "2024-Q2", "2025-Q4", "2023-Q4").map(q -> Map.of("quarter", q)),
                Gen.of("2024-03-31", "2024-06-30", "2026-12-31").map(d -> Map.of("date", d)));
    }

    private static Gen<Map<String, Object>> windows() {
        return Gen.oneOf(
                Gen.of("2024-02-20", "2024-05-01").map(d -> Map.of("date", d)),
                Gen.just(Map.of("start", "2024-03-01", "end", "2024-03-02")),
                Gen.of("2024-Q1", "2024-Q3").map(q -> Map.of("quarter", q)));
    }

    private static Gen<Map<String, Object>> workshopBodies() {
        return Gen.combine(Gen.of(WORKSHOPS), windows(), Gen.of("IN_PERSON", "ONLINE", "HYBRID"), Gen.of("JP", "GB"))
                .as((workshop, when, format, host) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("workshopId", workshop);
                    body.put("title", "Semiconductor workshop");
                    body.put("when", when);
                    body.put("format", format);
                    body.put("location", "London");
                    body.put("host", host);
                    return body;
                });
    }

    private static Gen<Map<String, Object>> rescheduleBodies() {
        return Gen.combine(windows(), Gen.of("IN_PERSON", "ONLINE", "HYBRID")).as((when, format) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("when", when);
            body.put("format", format);
            body.put("location", "Tokyo");
            body.put("reason", "Venue moved");
            return body;
        });
    }

    private static Gen<Map<String, Object>> progressBodies() {
        return Gen.of("https://example.org/report", "http://example.org/r?x=1").map(evidence -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("note", "Drafted the workshop agenda");
            body.put("evidence", evidence);
            return body;
        });
    }

    private static Gen<Map<String, Object>> amendmentBodies() {
        return targets().map(target -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("target", target);
            body.put("reason", "Ministers agreed a later date");
            return body;
        });
    }

    private static Gen<Map<String, Object>> reasons(String field) {
        return Gen.of("Done as agreed", "x".repeat(1000), "\u65E5\u672C\u8A9E").map(text -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(field, text);
            return body;
        });
    }

    // ---- commands as requests --------------------------------------------------------------------------------

    static Gen<FuzzRequest> validCommands() {
        return Gen.combine(commands(), preconditions())
                .as((command, headers) -> command(command, "valid " + command.kind(), FuzzJson.write(command.body()))
                        .withHeaders(headers));
    }

    /** Mostly none; sometimes a version to match (often the wrong one), sometimes a reused idempotency key. */
    private static Gen<List<String>> preconditions() {
        return Gen.frequencyOf(
                Tuple.of(8, Gen.just(List.of())),
                Tuple.of(
                        2,
                        Gen.of("\"0\"", "\"1\"", "\"2\"", "\"3\"", "*", "W/\"1\"", "\"1\", \"2\"")
                                .map(tag -> List.of("If-Match: " + tag))),
                Tuple.of(1, Gen.integers(0, 9).map(n -> List.of("Idempotency-Key: fuzz-key-" + n))));
    }

    private static FuzzRequest command(Command command, String kind, byte[] body) {
        return new FuzzRequest(
                Service.LEDGER, kind, "POST", command.path(), List.of("Content-Type: application/json"), body, 0);
    }

    /** A mutation of a body, named for the statistics. */
    record Mutation(String name, UnaryOperator<Object> apply) {}

    static Gen<FuzzRequest> commandsWithAWrongBody() {
        return Gen.combine(commands(), mutations())
                .as((command, mutation) -> command(
                        command,
                        mutation.name() + " in " + command.kind(),
                        FuzzJson.write(mutation.apply().apply(FuzzJson.copy(command.body())))));
    }

    static Gen<Mutation> mutations() {
        Gen<Integer> pick = Gen.integers(0, 1_000);
        return Gen.oneOf(
                pick.map(at -> new Mutation("missing field", body -> remove(body, at))),
                Gen.combine(
                                Gen.of("unexpected", "commitmentid", "ActingAgency", "", "__proto__", "\u0000"),
                                Gen.of(WRONG_TYPES),
                                pick)
                        .as((key, value, at) -> new Mutation("unknown field", body -> addField(body, at, key, value))),
                Gen.combine(Gen.of(WRONG_TYPES), pick)
                        .as((value, at) -> new Mutation("wrong JSON type", body -> replace(body, at, value))),
                Gen.combine(Gen.of(ODD_CHARACTERS), Gen.of(0, 1, 2, 3), pick)
                        .as((odd, where, at) -> new Mutation(
                                "odd character",
                                body -> replaceText(body, at, text -> switch (where) {
                                    case 0 -> odd + text;
                                    case 1 ->
                                        text.substring(0, text.length() / 2) + odd + text.substring(text.length() / 2);
                                    case 2 -> text + odd;
                                    default -> odd;
                                }))),
                Gen.combine(Gen.of(BAD_STRING_BYTES), pick)
                        .as((bytes, at) -> new Mutation(
                                "bytes not UTF-8 or unescaped",
                                body -> replaceText(body, at, text -> Raw.of("\"" + "ab" + bytes + "cd\"")))),
                Gen.combine(Gen.of(IMPOSSIBLE_DATES), pick)
                        .as((date, at) -> new Mutation("impossible date", body -> replaceDate(body, at, date))),
                Gen.combine(Gen.of(IMPOSSIBLE_QUARTERS), pick)
                        .as((quarter, at) ->
                                new Mutation("impossible quarter", body -> replaceQuarter(body, at, quarter))),
                Gen.combine(Gen.of(201, 301, 1001, 4001, 20_000), pick)
                        .as((length, at) -> new Mutation(
                                "text too long", body -> replaceText(body, at, text -> "y".repeat(length)))),
                Gen.combine(Gen.of(WRONG_TYPES), Gen.of("same", "other"), pick)
                        .as((value, which, at) ->
                                new Mutation("duplicate key", body -> duplicateKey(body, at, which, value))),
                Gen.of(NOT_JSON).map(text -> new Mutation("not JSON", body -> Raw.of(text))),
                Gen.of(" ", "", "\t")
                        .map(blank ->
                                new Mutation("blank text", body -> replaceText(body, blank.length(), text -> blank))),
                Gen.of(2, 3, 4, 20)
                        .map(count -> new Mutation("truncated", body -> {
                            byte[] bytes = FuzzJson.write(body);
                            return new Raw(java.util.Arrays.copyOf(bytes, bytes.length * (count - 1) / count));
                        })));
    }

    static Gen<FuzzRequest> commandsWithAWrongHeader() {
        Gen<Tuple.Tuple2<String, List<String>>> headers = Gen.oneOf(
                Gen.of(IF_MATCH).map(value -> Tuple.of("If-Match", List.of("If-Match: " + value))),
                Gen.of(IDEMPOTENCY_KEYS)
                        .map(value -> Tuple.of("Idempotency-Key", List.of("Idempotency-Key: " + value))),
                Gen.of(ACCEPTS).map(value -> Tuple.of("Accept", List.of("Accept: " + value))),
                Gen.just(Tuple.of("two If-Match", List.of("If-Match: \"0\"", "If-Match: \"1\""))),
                Gen.just(Tuple.of(
                        "two Idempotency-Keys", List.of("Idempotency-Key: fuzz-a", "Idempotency-Key: fuzz-b"))));
        Gen<FuzzRequest> otherHeaders = Gen.combine(commands(), headers)
                .as((command, header) -> command(
                                command, header.get1() + " header on " + command.kind(), FuzzJson.write(command.body()))
                        .withHeaders(header.get2()));
        Gen<FuzzRequest> contentTypes = Gen.combine(
                        commands(),
                        Gen.frequencyOf(
                                Tuple.of(1, Gen.just(List.<String>of())),
                                Tuple.of(
                                        1,
                                        Gen.just(
                                                List.of("Content-Type: application/json", "Content-Type: text/plain"))),
                                Tuple.of(8, Gen.of(CONTENT_TYPES).map(value -> List.of("Content-Type: " + value)))))
                .as((command, contentType) -> new FuzzRequest(
                        Service.LEDGER,
                        "Content-Type " + (contentType.isEmpty() ? "missing" : "wrong") + " on " + command.kind(),
                        "POST",
                        command.path(),
                        contentType,
                        FuzzJson.write(command.body()),
                        0));
        return Gen.oneOf(otherHeaders, contentTypes);
    }

    /** Over 64 KiB: a text field, padding, or many elements. Refused with 413 before anything is read into a command. */
    static Gen<FuzzRequest> oversizedCommands() {
        return Gen.combine(
                        commands(),
                        Gen.integers(65 * 1024, 256 * 1024),
                        Gen.of("long text", "whitespace", "many fields"))
                .as((command, size, how) -> {
                    Map<String, Object> body = new LinkedHashMap<>(command.body());
                    byte[] bytes = switch (how) {
                        case "long text" -> {
                            body.put("actingAgency", "z".repeat(size));
                            yield FuzzJson.write(body);
                        }
                        case "whitespace" ->
                            (" ".repeat(size) + new String(FuzzJson.write(body), StandardCharsets.UTF_8))
                                    .getBytes(StandardCharsets.UTF_8);
                        default -> {
                            IntStream.range(0, size / 10).forEach(n -> body.put("f" + n, n));
                            yield FuzzJson.write(body);
                        }
                    };
                    return new FuzzRequest(
                            Service.LEDGER,
                            "over 64 KiB (" + how + ") in " + command.kind(),
                            "POST",
                            command.path(),
                            List.of("Content-Type: application/json"),
                            bytes,
                            413);
                });
    }

    static Gen<FuzzRequest> deeplyNestedCommands() {
        return Gen.combine(commands(), Gen.of(100, 600, 1_001, 5_000, 20_000), Gen.of("array", "object"))
                .as((command, depth, how) -> {
                    String open = how.equals("array") ? "[" : "{\"a\":";
                    String close = how.equals("array") ? "]" : "}";
                    Map<String, Object> body = new LinkedHashMap<>(command.body());
                    String deepKey = body.containsKey("target") ? "target" : "actingAgency";
                    body.put(deepKey, Raw.of(open.repeat(depth) + "1" + close.repeat(depth)));
                    return command(
                            command,
                            "nested " + depth + " deep (" + how + ") in " + command.kind(),
                            FuzzJson.write(body));
                });
    }

    // ---- tree edits on bodies -------------------------------------------------------------------------------

    /** Every path from the root to a value: keys of objects and indices of arrays. */
    private static List<List<Object>> paths(Object tree) {
        List<List<Object>> paths = new ArrayList<>();
        collect(tree, new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(Object node, List<Object> at, List<List<Object>> paths) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                List<Object> path = new ArrayList<>(at);
                path.add(key);
                paths.add(path);
                collect(child, path, paths);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> path = new ArrayList<>(at);
                path.add(i);
                paths.add(path);
                collect(list.get(i), path, paths);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object parent(Object tree, List<Object> path) {
        Object node = tree;
        for (Object step : path.subList(0, path.size() - 1)) {
            node = node instanceof Map<?, ?> map ? map.get(step) : ((List<Object>) node).get((Integer) step);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object get(Object tree, List<Object> path) {
        Object parent = parent(tree, path);
        Object last = path.get(path.size() - 1);
        return parent instanceof Map<?, ?> map ? map.get(last) : ((List<Object>) parent).get((Integer) last);
    }

    @SuppressWarnings("unchecked")
    private static Object set(Object tree, List<Object> path, @Nullable Object value) {
        Object parent = parent(tree, path);
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put((String) last, value);
        } else {
            ((List<Object>) parent).set((Integer) last, value);
        }
        return tree;
    }

    @SuppressWarnings("unchecked")
    private static Object remove(Object tree, int pick) {
        List<List<Object>> paths = paths(tree);
        List<Object> path = paths.get(pick % paths.size());
        Object parent = parent(tree, path);
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            map.remove(last);
        } else {
            ((List<Object>) parent).remove((int) (Integer) last);
        }
        return tree;
    }

    private static Object replace(Object tree, int pick, @Nullable Object value) {
        List<List<Object>> paths = paths(tree);
        return set(tree, paths.get(pick % paths.size()), value);
    }

    @SuppressWarnings("unchecked")
    private static Object addField(Object tree, int pick, String key, Object value) {
        List<Object> objects = new ArrayList<>(List.of(tree));
        paths(tree).stream()
                .map(path -> get(tree, path))
                .filter(node -> node instanceof Map)
                .forEach(objects::add);
        ((Map<String, Object>) objects.get(pick % objects.size())).put(key, value);
        return tree;
    }

    /** Replaces a string value chosen by {@code pick}, by a function of the text it held. */
    private static Object replaceText(Object tree, int pick, java.util.function.Function<String, Object> by) {
        List<List<Object>> texts = paths(tree).stream()
                .filter(path -> get(tree, path) instanceof String)
                .toList();
        List<Object> path = texts.get(pick % texts.size());
        return set(tree, path, by.apply((String) get(tree, path)));
    }

    private static Object replaceDate(Object tree, int pick, String date) {
        return replaceWhere(tree, pick, date, "On", "date", "start", "end");
    }

    private static Object replaceQuarter(Object tree, int pick, String quarter) {
        return replaceWhere(tree, pick, quarter, "quarter", "date");
    }

    /** Replaces the value of a key ending in one of {@code names}; if there is none, any text. */
    private static Object replaceWhere(Object tree, int pick, String value, String... names) {
        List<List<Object>> matching = paths(tree).stream()
                .filter(path -> path.get(path.size() - 1) instanceof String key
                        && java.util.Arrays.stream(names).anyMatch(key::endsWith))
                .toList();
        if (matching.isEmpty()) {
            return replaceText(tree, pick, text -> value);
        }
        return set(tree, matching.get(pick % matching.size()), value);
    }

    @SuppressWarnings("unchecked")
    private static Object duplicateKey(Object tree, int pick, String which, Object value) {
        Map<String, Object> body = (Map<String, Object>) tree;
        List<String> keys = new ArrayList<>(body.keySet());
        String key = keys.get(pick % keys.size());
        return new DuplicateKey(body, key, which.equals("same") ? body.get(key) : value);
    }

    // ---- the rest of the write side -------------------------------------------------------------------------

    /** A commitment id for a path: mostly one of the pool, sometimes unknown, sometimes not an id at all. */
    static Gen<String> pathIds() {
        return Gen.frequencyOf(
                Tuple.of(6, poolIds()),
                Tuple.of(1, Gen.integers(0, 99).map(n -> "fz-unknown-" + n)),
                Tuple.of(3, Gen.of(ODD_SEGMENTS)));
    }

    /** Every path of both services, with an id from {@link #pathIds()}. */
    static Gen<Tuple.Tuple2<Service, String>> anyPath() {
        Gen<String> ledgerPaths = Gen.combine(
                        pathIds(),
                        Gen.of(WORKSHOPS),
                        Gen.of(
                                "",
                                "/{id}/confirmations",
                                "/{id}/workshops",
                                "/{id}/workshops/{w}/reschedulings",
                                "/{id}/workshops/{w}/cancellation",
                                "/{id}/workshops/{w}/outcome",
                                "/{id}/progress-reports",
                                "/{id}/completions",
                                "/{id}/amendments",
                                "/{id}/withdrawal",
                                "/{id}/events",
                                "!/api/v1/events/1"))
                .as((id, workshop, tail) -> tail.startsWith("!")
                        ? tail.substring(1)
                        : "/api/v1/commitments" + tail.replace("{id}", id).replace("{w}", workshop));
        Gen<String> projectionPaths = Gen.combine(
                        pathIds(),
                        Gen.of(
                                "/api/v1/commitments",
                                "/api/v1/commitments/{id}",
                                "/api/v1/commitments/{id}/timeline",
                                "/api/v1/partnerships/{id}/overview",
                                "/api/v1/admin/rebuilds/current",
                                "/",
                                "/partnerships/{id}",
                                "/commitments/{id}"))
                .as((id, path) -> path.replace("{id}", id));
        return Gen.oneOf(
                ledgerPaths.map(path -> Tuple.of(Service.LEDGER, path)),
                projectionPaths.map(path -> Tuple.of(Service.PROJECTION, path)));
    }

    /** PUT, DELETE, PATCH, OPTIONS, HEAD, TRACE and the wrong one of GET and POST, on every path. */
    static Gen<FuzzRequest> oddMethods() {
        return Gen.combine(
                        anyPath(),
                        Gen.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "GET", "POST"),
                        Gen.of(true, false))
                .as((path, method, withBody) -> new FuzzRequest(
                        path.get1(),
                        method + " on any path",
                        method,
                        path.get2(),
                        withBody ? List.of("Content-Type: application/json") : List.of(),
                        withBody ? "{\"actingAgency\":\"JP/METI\"}".getBytes(StandardCharsets.UTF_8) : null,
                        0));
    }

    static Gen<FuzzRequest> historyReads() {
        Gen<String> positions = Gen.oneOf(
                Gen.longs(0, 3_000).map(String::valueOf),
                Gen.of(
                        "-1",
                        "9223372036854775807",
                        "9223372036854775808",
                        "99999999999999999999",
                        "abc",
                        "1.5",
                        "1e3",
                        "%FF",
                        "%00",
                        "%201",
                        "0x10",
                        "+1",
                        "%2B1",
                        "\u00FF"));
        Gen<String> paths = Gen.oneOf(
                pathIds().map(id -> "/api/v1/commitments/" + id + "/events"),
                positions.map(position -> "/api/v1/events/" + position));
        return Gen.combine(paths, queryTails(), readHeaders())
                .as((path, query, headers) ->
                        new FuzzRequest(Service.LEDGER, "history read", "GET", path + query, headers, null, 0));
    }

    /** Mostly nothing; sometimes unknown, repeated or badly escaped parameters. */
    private static Gen<String> queryTails() {
        return Gen.frequencyOf(
                Tuple.of(6, Gen.just("")),
                Tuple.of(1, Gen.of(ODD_QUERY_VALUES).map(value -> "?x=" + value)),
                Tuple.of(1, Gen.of("?a=1&a=2", "?%00", "?%FF=1", "?=", "?&&", "?x", "?version=abc")));
    }

    private static Gen<List<String>> readHeaders() {
        return Gen.frequencyOf(
                Tuple.of(6, Gen.just(List.of())),
                Tuple.of(2, Gen.of(ACCEPTS).map(value -> List.of("Accept: " + value))),
                Tuple.of(1, Gen.of(IF_MATCH).map(value -> List.of("If-Match: " + value))),
                Tuple.of(1, Gen.of(IDEMPOTENCY_KEYS).map(value -> List.of("Idempotency-Key: " + value))),
                Tuple.of(1, Gen.of(CONTENT_TYPES).map(value -> List.of("Content-Type: " + value))));
    }

    /** Command paths whose ids are not ids, with a valid body. */
    static Gen<FuzzRequest> oddPaths() {
        return Gen.combine(commands(), Gen.of(ODD_SEGMENTS), Gen.of(true, false), queryTails())
                .as((command, segment, inWorkshop, query) -> {
                    String path = command.path();
                    if (inWorkshop && path.contains("/workshops/")) {
                        path = path.replaceFirst("/workshops/[^/]+/", "/workshops/" + segment + "/");
                    } else if (command.commitmentId() != null && path.contains(command.commitmentId() + "/")) {
                        path = path.replace("/" + command.commitmentId() + "/", "/" + segment + "/");
                    } else {
                        path = path + "/" + segment;
                    }
                    return command(command, "odd path segment in " + command.kind(), FuzzJson.write(command.body()))
                            .withTarget(path + query);
                });
    }

    // ---- projection-service ---------------------------------------------------------------------------------

    static Gen<FuzzRequest> projectionQueries() {
        return Gen.frequencyOf(
                Tuple.of(4, lists()),
                Tuple.of(3, commitmentReads("")),
                Tuple.of(3, commitmentReads("/timeline")),
                Tuple.of(1, overviews()));
    }

    private static Gen<FuzzRequest> lists() {
        Gen<String> filter = Gen.oneOf(
                parameter("partnership", Gen.of(PARTNERSHIP, "nope", "JP-UK")),
                parameter("area", Gen.of("semiconductors", "ai", "AI")),
                parameter("party", Gen.of("JP", "GB", "jp", "XX", "J", "JPN")),
                parameter("status", Gen.of("AGREED", "CONFIRMED", "COMPLETED", "WITHDRAWN", "agreed", "OPEN", "0")),
                parameter("overdue", Gen.of("true", "false", "yes", "1", "TRUE", "on")),
                parameter("q", Gen.of("workshop", "WORK", "%25", "_", "%5C", "%27", "\u00E9t\u00E9")),
                parameter(
                        "page",
                        Gen.of(
                                "0",
                                "1",
                                "5",
                                "-1",
                                "-2147483648",
                                "2147483647",
                                "2147483648",
                                "99999999999999",
                                "x",
                                "1.5",
                                "0x1")),
                parameter(
                        "size", Gen.of("1", "20", "100", "0", "101", "-1", "2147483647", "99999999999999", "x", "1e2")),
                Gen.of("asOf=2024-02-01T00:00:00Z", "unknown=1", "page=1&page=2", "size=1&size=x"));
        return Gen.combine(filter.list(4), readHeaders())
                .as((filters, headers) -> new FuzzRequest(
                        Service.PROJECTION,
                        "list",
                        "GET",
                        "/api/v1/commitments" + (filters.isEmpty() ? "" : "?" + String.join("&", filters)),
                        headers,
                        null,
                        0));
    }

    /** name=value, with the value sometimes replaced by an odd one. */
    private static Gen<String> parameter(String name, Gen<String> values) {
        Gen<String> odd = Gen.of(ODD_QUERY_VALUES);
        return Gen.frequencyOf(Tuple.of(3, values), Tuple.of(1, odd)).map(value -> name + "=" + value);
    }

    private static final List<String> AS_OF = List.of(
            "2024-02-01T00:00:00Z",
            "2024-01-16T12:00:00.5Z",
            "2030-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2024-02-30T00:00:00Z",
            "2024-02-01",
            "2024-02-01T00:00:00",
            "2024-02-01T00:00:00%2B09:00",
            "2024-02-01T00:00:00+09:00",
            "2024-02-01T25:00:00Z",
            "0000-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z",
            "%2B99999-01-01T00:00:00Z",
            "%2B294277-01-01T00:00:00Z",
            "-4714-11-23T00:00:00Z",
            "-1000000000-01-01T00:00:00Z",
            "%2B1000000000-12-31T23:59:59.999999999Z",
            "%2B1000000001-01-01T00:00:00Z",
            "%2B999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "now",
            "1706000000");

    private static Gen<FuzzRequest> commitmentReads(String tail) {
        Gen<String> asOf = Gen.frequencyOf(
                Tuple.of(3, Gen.just("")),
                Tuple.of(2, Gen.of(AS_OF).map(value -> "asOf=" + value)),
                Tuple.of(1, Gen.of(ODD_QUERY_VALUES).map(value -> "asOf=" + value)));
        // minVersion waits for at most a few hundred milliseconds, so that a run stays short; long and out of range
        // waits go without minVersion (they are read, then not needed)
        Gen<String> readYourWrites = Gen.frequencyOf(
                Tuple.of(3, Gen.just("")),
                Tuple.of(
                        3,
                        Gen.combine(
                                        Gen.of(
                                                "0",
                                                "1",
                                                "2",
                                                "5",
                                                "1000",
                                                "-1",
                                                "-100",
                                                "-9223372036854775808",
                                                "9223372036854775807",
                                                "9223372036854775808",
                                                "x",
                                                "",
                                                "1.5",
                                                "%FF"),
                                        Gen.of(
                                                "0s", "0", "10ms", "50ms", "PT0.05S", "-1s", "PT-1S", "abc", "", "%FF",
                                                "100ms", "1ns", "%00"))
                                .as((version, wait) -> "minVersion=" + version + "&wait=" + wait)),
                Tuple.of(
                        1,
                        Gen.of(
                                        "30s",
                                        "31s",
                                        "1h",
                                        "PT9999999999999H",
                                        "999999999999999s",
                                        "99999999999999999999s",
                                        "-1s",
                                        "abc",
                                        "",
                                        "%FF",
                                        "1d",
                                        "P1D")
                                .map(wait -> "wait=" + wait)));
        return Gen.combine(pathIds(), asOf, readYourWrites, readHeaders()).as((id, at, ryw, headers) -> {
            String query = String.join(
                    "&",
                    java.util.stream.Stream.of(at, ryw)
                            .filter(part -> !part.isEmpty())
                            .toList());
            return new FuzzRequest(
                    Service.PROJECTION,
                    tail.isEmpty() ? "commitment" : "timeline",
                    "GET",
                    "/api/v1/commitments/" + id + tail + (query.isEmpty() ? "" : "?" + query),
                    headers,
                    null,
                    0);
        });
    }

    private static Gen<FuzzRequest> overviews() {
        return Gen.combine(Gen.frequencyOf(Tuple.of(3, Gen.just(PARTNERSHIP)), Tuple.of(2, pathIds())), readHeaders())
                .as((id, headers) -> new FuzzRequest(
                        Service.PROJECTION,
                        "overview",
                        "GET",
                        "/api/v1/partnerships/" + id + "/overview",
                        headers,
                        null,
                        0));
    }

    static Gen<FuzzRequest> pages() {
        Gen<String> paths = Gen.oneOf(
                Gen.just("/"),
                Gen.frequencyOf(Tuple.of(2, Gen.just(PARTNERSHIP)), Tuple.of(2, pathIds()))
                        .map(id -> "/partnerships/" + id),
                pathIds().map(id -> "/commitments/" + id));
        return Gen.combine(paths, queryTails(), readHeaders())
                .as((path, query, headers) ->
                        new FuzzRequest(Service.PROJECTION, "page", "GET", path + query, headers, null, 0));
    }

    /** Mostly where the rebuild stands; now and then a new rebuild (202, or 409 while one runs). */
    static Gen<FuzzRequest> rebuilds() {
        return Gen.frequencyOf(
                Tuple.of(
                        5,
                        readHeaders()
                                .map(headers -> new FuzzRequest(
                                        Service.PROJECTION,
                                        "rebuild status",
                                        "GET",
                                        "/api/v1/admin/rebuilds/current",
                                        headers,
                                        null,
                                        0))),
                Tuple.of(
                        1,
                        Gen.of(List.<String>of(), List.of("Content-Type: application/json"))
                                .map(headers -> new FuzzRequest(
                                        Service.PROJECTION,
                                        "rebuild",
                                        "POST",
                                        "/api/v1/admin/rebuilds",
                                        headers,
                                        headers.isEmpty() ? null : "{}".getBytes(StandardCharsets.UTF_8),
                                        0))));
    }

    /** Health, OpenAPI and paths that are not there, on both services. */
    static Gen<FuzzRequest> operations() {
        return Gen.combine(
                        Gen.of(Service.values()),
                        Gen.of(
                                "/actuator/health",
                                "/actuator/health/readiness",
                                "/actuator/info",
                                "/actuator/nope",
                                "/v3/api-docs",
                                "/api/v2/commitments",
                                "/api/v1/",
                                "/api/v1/commitments/",
                                "/error",
                                "//api/v1/commitments",
                                "/api/v1/commitments/fz-1/events/",
                                "/api/v1/commitments/fz-1/../fz-2/events"),
                        readHeaders())
                .as((service, path, headers) ->
                        new FuzzRequest(service, "operations and unknown paths", "GET", path, headers, null, 0));
    }
}
