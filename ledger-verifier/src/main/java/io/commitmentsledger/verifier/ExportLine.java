package io.commitmentsledger.verifier;

import io.commitmentsledger.contracts.log.JsonObjectReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one line of the ledger's NDJSON export ({@code GET /api/v1/ledger/export}): a CloudEvent in structured mode
 * with the log's extension attributes, exactly these members in this order, {@code data} written verbatim.
 */
final class ExportLine {

    static final List<String> MEMBERS = List.of(
            "specversion",
            "id",
            "source",
            "type",
            "subject",
            "time",
            "datacontenttype",
            "dataschema",
            "commitmentsequence",
            "globalposition",
            "logindex",
            "leafhash",
            "previousleafhash",
            "ledgersignature",
            "data");

    private ExportLine() {}

    /** The event on line {@code lineNumber}; throws {@link IllegalArgumentException} saying what is wrong with it. */
    static LedgerEvent parse(String line, long lineNumber) {
        Map<String, JsonObjectReader.Value> members = JsonObjectReader.members(line);
        List<String> names = new ArrayList<>(members.keySet());
        if (!names.equals(MEMBERS)) {
            throw new IllegalArgumentException(membersDiffer(names));
        }
        // Members the leaf does not cover (specversion, source, datacontenttype, dataschema, globalposition) are
        // read for their shape only: nothing in the log vouches for their values.
        string(members, "specversion");
        string(members, "source");
        string(members, "datacontenttype");
        string(members, "dataschema");
        number(members, "globalposition");
        return new LedgerEvent(
                "line " + lineNumber,
                number(members, "logindex"),
                string(members, "subject"),
                number(members, "commitmentsequence"),
                string(members, "id"),
                string(members, "type"),
                string(members, "time"),
                members.get("data").source().getBytes(StandardCharsets.UTF_8),
                hash(members, "leafhash"),
                hash(members, "previousleafhash"),
                string(members, "ledgersignature"));
    }

    private static String membersDiffer(List<String> names) {
        List<String> missing = new ArrayList<>(MEMBERS);
        missing.removeAll(names);
        List<String> unexpected = new ArrayList<>(names);
        unexpected.removeAll(MEMBERS);
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return "members out of order: expected " + MEMBERS + ", found " + names;
        }
        return "expected the members " + MEMBERS + (missing.isEmpty() ? "" : "; missing " + missing)
                + (unexpected.isEmpty() ? "" : "; unexpected " + unexpected);
    }

    private static String string(Map<String, JsonObjectReader.Value> members, String name) {
        String value = members.get(name).string();
        if (value == null) {
            throw new IllegalArgumentException(
                    name + " is not a string: " + members.get(name).source());
        }
        return value;
    }

    private static long number(Map<String, JsonObjectReader.Value> members, String name) {
        return Fields.number(name, members.get(name).source());
    }

    private static byte[] hash(Map<String, JsonObjectReader.Value> members, String name) {
        return Fields.hash(name, string(members, name));
    }
}
