package io.commitmentsledger.contracts.events;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names every event type as subscribers see it: its CloudEvents type, its revision, and its JSON Schema, which
 * ships in this jar under {@code schemas/<Type>/v<revision>.json}. A subscriber maps a record's {@code ce_type}
 * header to the class to read the value into with Jackson.
 */
public final class EventTypes {

    /** The topic the ledger publishes to unless configured otherwise. */
    public static final String DEFAULT_TOPIC = "commitment-events";

    private static final String TYPE_PREFIX = "dev.commitments-ledger.";
    private static final String SCHEMA_BASE = "https://commitments-ledger.dev/schemas/";
    private static final Pattern CLOUD_EVENT_TYPE =
            Pattern.compile("dev\\.commitments-ledger\\.(\\w+)\\.v([1-9]\\d{0,8})");

    private static final List<Class<? extends CommitmentEvent>> ALL = Arrays.stream(
                    CommitmentEvent.class.getPermittedSubclasses())
            .<Class<? extends CommitmentEvent>>map(type -> type.asSubclass(CommitmentEvent.class))
            .toList();

    private static final Map<String, Class<? extends CommitmentEvent>> BY_CLOUD_EVENT_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventTypes::cloudEventType, Function.identity()));

    private EventTypes() {}

    /** Every event type, in declaration order. */
    public static List<Class<? extends CommitmentEvent>> all() {
        return ALL;
    }

    /** The event's name, such as {@code CommitmentAgreed}. */
    public static String name(Class<?> type) {
        return type.getSimpleName();
    }

    /** The event's current revision, such as {@code 1}. */
    public static String revision(Class<?> type) {
        EventRevision revision = type.getAnnotation(EventRevision.class);
        if (revision == null) {
            throw new IllegalArgumentException(type.getName() + " has no @EventRevision");
        }
        return revision.value();
    }

    /** The CloudEvents {@code type}, naming type and revision: {@code dev.commitments-ledger.CommitmentAgreed.v1}. */
    public static String cloudEventType(Class<?> type) {
        return cloudEventType(name(type), revision(type));
    }

    public static String cloudEventType(String name, String revision) {
        return TYPE_PREFIX + name + ".v" + revision;
    }

    /**
     * The event name and revision a CloudEvents {@code type} names, whether or not this jar knows them; empty if it
     * is not of the form {@code dev.commitments-ledger.<Name>.v<revision>}.
     */
    public static Optional<NameAndRevision> nameAndRevision(String cloudEventType) {
        Matcher matcher = CLOUD_EVENT_TYPE.matcher(cloudEventType);
        return matcher.matches()
                ? Optional.of(new NameAndRevision(matcher.group(1), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    /** An event type's name and one of its revisions, as a CloudEvents {@code type} names them. */
    public record NameAndRevision(String name, int revision) {}

    /**
     * The class a record of this CloudEvents type reads into as it is, without upcasting; empty for a type or revision
     * this jar does not know. To read records of every revision, see {@code EventUpcasters}.
     */
    public static Optional<Class<? extends CommitmentEvent>> forCloudEventType(String cloudEventType) {
        return Optional.ofNullable(BY_CLOUD_EVENT_TYPE.get(cloudEventType));
    }

    /** The classpath resource holding the JSON Schema of this type and revision. */
    public static String schemaResource(String name, String revision) {
        return "schemas/" + name + "/v" + revision + ".json";
    }

    /** The CloudEvents {@code dataschema}: the schema's {@code $id}. */
    public static URI dataSchema(String name, String revision) {
        return URI.create(SCHEMA_BASE + name + "/v" + revision + ".json");
    }
}
