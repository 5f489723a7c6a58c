package io.commitmentsledger.contracts.upcasting;

import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.TargetAmended;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Every event type's current revision and the upcasters that lead to it from each earlier one. Records stay on the
 * topic (and in the event store) for ever at the revision they were recorded at; {@link #upcast} turns the JSON of any
 * earlier revision into the current shape, which then reads into the event's record. commitments-service (through
 * Axon's upcaster chain) and projection-service both read through {@link #ledger()}, and so can any subscriber.
 *
 * <p>To add a revision of an event: see "How to add a revision" in docs/events.md. In short: reshape the record and
 * raise its {@code @EventRevision} to N+1, add its schema, and add an {@link Upcaster} from revision N to {@link
 * #LEDGER_UPCASTERS}. {@link #ledger()} refuses to start while any revision step lacks one.
 */
public final class EventUpcasters {

    /** The ledger's revision steps, each from one revision of a type to the next. */
    private static final List<Upcaster> LEDGER_UPCASTERS = List.of(
            // Revision 2 records dates as precisely as the source gives them, and a target may be absent.
            new Upcaster(CommitmentAgreed.class, 1, json -> {
                json.put("target", RevisionOneTargets.asPartialDate(json.get("target")));
                return json;
            }),
            new Upcaster(TargetAmended.class, 1, json -> {
                json.put("previousTarget", RevisionOneTargets.asPartialDate(json.get("previousTarget")));
                json.put("newTarget", RevisionOneTargets.asPartialDate(json.get("newTarget")));
                return json;
            }));

    private final Map<String, Class<? extends CommitmentEvent>> types;
    private final Map<String, Integer> currentRevisions;
    /** By event name, the upcaster from revision {@code i + 1} at index {@code i}. */
    private final Map<String, List<Upcaster>> steps;

    private EventUpcasters(
            Map<String, Class<? extends CommitmentEvent>> types,
            Map<String, Integer> currentRevisions,
            Map<String, List<Upcaster>> steps) {
        this.types = types;
        this.currentRevisions = currentRevisions;
        this.steps = steps;
    }

    /**
     * The ledger's own: every event type at the revision its record declares ({@code @EventRevision}), reached from
     * revision 1 through {@link #LEDGER_UPCASTERS}.
     *
     * @throws IllegalStateException if a revision step of some type has no upcaster
     */
    public static EventUpcasters ledger() {
        Map<String, Class<? extends CommitmentEvent>> types =
                EventTypes.all().stream().collect(Collectors.toUnmodifiableMap(EventTypes::name, Function.identity()));
        Map<String, Integer> firstRevisions = new HashMap<>();
        types.keySet().forEach(name -> firstRevisions.put(name, 1));
        EventUpcasters upcasters = new EventUpcasters(types, Map.copyOf(firstRevisions), Map.of());
        for (Upcaster upcaster : LEDGER_UPCASTERS) {
            upcasters = upcasters.with(upcaster);
        }
        for (Class<? extends CommitmentEvent> type : EventTypes.all()) {
            int declared = Integer.parseInt(EventTypes.revision(type));
            int reached = upcasters.currentRevision(type);
            if (declared != reached) {
                throw new IllegalStateException(EventTypes.name(type) + " is at revision " + declared
                        + " (@EventRevision) but its upcasters lead to revision " + reached
                        + ": every revision step needs exactly one upcaster");
            }
        }
        return upcasters;
    }

    /**
     * These upcasters and one more revision of {@code next}'s type: its current revision becomes {@code
     * next.fromRevision() + 1}, and events of every earlier revision are upcast to it. Tests use this to give a type a
     * revision that the ledger does not have (the type's record is then the new revision's shape).
     *
     * @throws IllegalArgumentException if {@code next} does not start at the type's current revision
     */
    public EventUpcasters with(Upcaster next) {
        String name = next.eventName();
        int current = currentRevision(next.eventType());
        if (next.fromRevision() != current) {
            throw new IllegalArgumentException("an upcaster of " + name + " must start at its current revision "
                    + current + ", not at " + next.fromRevision());
        }
        Map<String, Integer> revisions = new HashMap<>(currentRevisions);
        revisions.put(name, current + 1);
        Map<String, List<Upcaster>> chains = new HashMap<>(steps);
        List<Upcaster> chain = new ArrayList<>(steps.getOrDefault(name, List.of()));
        chain.add(next);
        chains.put(name, List.copyOf(chain));
        return new EventUpcasters(types, Map.copyOf(revisions), Map.copyOf(chains));
    }

    /** The event's current revision, the one its record reads; empty for a type this api-contracts does not know. */
    public OptionalInt currentRevision(String eventName) {
        Integer revision = currentRevisions.get(eventName);
        return revision == null ? OptionalInt.empty() : OptionalInt.of(revision);
    }

    public int currentRevision(Class<? extends CommitmentEvent> type) {
        return currentRevision(EventTypes.name(type))
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not a ledger event"));
    }

    /** The record the current revision of this event reads into; empty for a type this api-contracts does not know. */
    public Optional<Class<? extends CommitmentEvent>> type(String eventName) {
        return Optional.ofNullable(types.get(eventName));
    }

    /**
     * The JSON of an {@code eventName} event recorded at {@code revision}, in the shape of the current revision. The
     * JSON of the current revision, and of a type these upcasters do not know, comes back unchanged; {@code json}
     * itself is never changed.
     *
     * @throws RevisionNotYetKnown if {@code revision} is newer than the current one
     * @throws IllegalArgumentException if {@code revision} is below 1
     */
    public Map<String, @Nullable Object> upcast(String eventName, int revision, Map<String, @Nullable Object> json) {
        if (revision < 1) {
            throw new IllegalArgumentException("revisions start at 1, not " + revision);
        }
        Integer current = currentRevisions.get(eventName);
        if (current == null || revision == current) {
            return json;
        }
        if (revision > current) {
            throw new RevisionNotYetKnown(eventName, revision, current);
        }
        Map<String, @Nullable Object> upcast = copy(json);
        for (Upcaster step : steps.get(eventName).subList(revision - 1, current - 1)) {
            upcast = step.transformation().apply(upcast);
        }
        return upcast;
    }

    /** A deep, changeable copy, so that no transformation can touch the caller's JSON. */
    private static Map<String, @Nullable Object> copy(Map<String, @Nullable Object> object) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        object.forEach((key, value) -> copy.put(key, copyValue(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object copyValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> object) {
            return copy((Map<String, @Nullable Object>) object);
        }
        if (value instanceof List<?> array) {
            List<@Nullable Object> copy = new ArrayList<>();
            array.forEach(element -> copy.add(copyValue(element)));
            return copy;
        }
        return value;
    }
}
