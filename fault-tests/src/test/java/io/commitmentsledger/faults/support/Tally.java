package io.commitmentsledger.faults.support;

import io.commitmentsledger.faults.support.LoadGenerator.Ack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;

/**
 * The acknowledged commands held against what the store, the topic and the projection hold: each acknowledgement must
 * be in the store exactly once at the version it answered, on the topic at least once and in order per commitment,
 * and in the projection exactly once; every commitment's sequence must have no gap.
 */
public final class Tally {

    private final List<Ack> acks;
    private final List<Recorded> store;
    private final @Nullable List<Recorded> topic;
    private final @Nullable List<Recorded> projection;
    private final Map<String, List<Recorded>> storedByToken;

    public Tally(
            List<Ack> acks, List<Recorded> store, @Nullable List<Recorded> topic, @Nullable List<Recorded> projection) {
        this.acks = acks;
        this.store = store;
        this.topic = topic;
        this.projection = projection;
        this.storedByToken = store.stream()
                .filter(event -> event.token().isPresent())
                .collect(Collectors.groupingBy(event -> event.token().orElseThrow()));
    }

    public int acknowledged() {
        return acks.size();
    }

    /** Acknowledgements in the store exactly once, at the commitment and version they answered. */
    public long inStore() {
        return acks.stream()
                .filter(ack -> storedAs(ack).size() == 1 && isAt(storedAs(ack).get(0), ack))
                .count();
    }

    /** Acknowledgements with at least one record on the topic at the commitment and version they answered. */
    public long onTopic() {
        return topic == null
                ? 0
                : acks.stream()
                        .filter(ack -> topic.stream().anyMatch(record -> isAt(record, ack) && isEvent(record, ack)))
                        .count();
    }

    /** Acknowledgements exactly once in their commitment's timeline, as the event the store holds. */
    public long inProjection() {
        return projection == null
                ? 0
                : acks.stream()
                        .filter(ack -> projection.stream()
                                        .filter(entry -> isAt(entry, ack) && isEvent(entry, ack))
                                        .count()
                                == 1)
                        .count();
    }

    /** Acknowledgements missing from at least one place checked. */
    public long lost() {
        return acks.stream()
                .filter(ack -> storedAs(ack).isEmpty()
                        || (topic != null
                                && topic.stream().noneMatch(record -> isAt(record, ack) && isEvent(record, ack)))
                        || (projection != null
                                && projection.stream().noneMatch(entry -> isAt(entry, ack) && isEvent(entry, ack))))
                .count();
    }

    /** Acknowledgements recorded more than once in the store, or shown more than once in a timeline. */
    public long duplicated() {
        return acks.stream()
                .filter(ack -> storedAs(ack).size() > 1
                        || (projection != null
                                && projection.stream()
                                                .filter(entry -> isAt(entry, ack))
                                                .count()
                                        > 1))
                .count();
    }

    /** Fails the scenario, naming every discrepancy, unless everything acknowledged is where it must be. */
    public void assertNothingLostOrDuplicated() {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(acks).as("acknowledged commands").isNotEmpty();
        softly.assertThat(lost()).as("acknowledged commands lost").isZero();
        softly.assertThat(duplicated()).as("acknowledged commands duplicated").isZero();
        softly.assertThat(inStore())
                .as("in the store exactly once, at the version answered")
                .isEqualTo(acks.size());
        softly.assertThat(gaps(store))
                .as("commitments whose stored sequence has a gap")
                .isEmpty();
        if (topic != null) {
            softly.assertThat(onTopic()).as("on the topic").isEqualTo(acks.size());
            softly.assertThat(outOfOrder(topic))
                    .as("records out of order per commitment")
                    .isEmpty();
            Set<String> published = topic.stream().map(Recorded::eventId).collect(Collectors.toSet());
            softly.assertThat(store.stream().filter(event -> !published.contains(event.eventId())))
                    .as("stored events never published")
                    .isEmpty();
        }
        if (projection != null) {
            softly.assertThat(inProjection())
                    .as("in the projection exactly once")
                    .isEqualTo(acks.size());
            softly.assertThat(gaps(projection))
                    .as("timelines with a gap or a repeat")
                    .isEmpty();
        }
        softly.assertAll();
    }

    private List<Recorded> storedAs(Ack ack) {
        return storedByToken.getOrDefault(ack.token(), List.of());
    }

    private static boolean isAt(Recorded recorded, Ack ack) {
        return recorded.commitmentId().equals(ack.commitmentId()) && recorded.sequence() == ack.version();
    }

    /** Whether {@code recorded} is the very event the store holds for {@code ack}. */
    private boolean isEvent(Recorded recorded, Ack ack) {
        List<Recorded> stored = storedAs(ack);
        return stored.size() == 1 && stored.get(0).eventId().equals(recorded.eventId());
    }

    /** Commitments whose sequences, in the order given, are not exactly 0, 1, 2, ... */
    private static Map<String, List<Long>> gaps(List<Recorded> events) {
        Map<String, List<Long>> sequences = new TreeMap<>();
        events.forEach(event -> sequences
                .computeIfAbsent(event.commitmentId(), id -> new ArrayList<>())
                .add(event.sequence()));
        Map<String, List<Long>> gaps = new LinkedHashMap<>();
        sequences.forEach((commitmentId, seen) -> {
            List<Long> sorted = seen.stream().sorted().toList();
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i) != i) {
                    gaps.put(commitmentId, sorted);
                    return;
                }
            }
        });
        return gaps;
    }

    /**
     * Records that skip ahead of their commitment's sequence (a redelivery of an earlier one is allowed: delivery is
     * at least once), in the order they are on the topic.
     */
    private static List<String> outOfOrder(List<Recorded> records) {
        Map<String, Long> highest = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        for (Recorded record : records) {
            long before = highest.getOrDefault(record.commitmentId(), -1L);
            if (record.sequence() > before + 1) {
                violations.add(record.commitmentId() + ": sequence " + record.sequence() + " after " + before);
            }
            highest.put(record.commitmentId(), Math.max(before, record.sequence()));
        }
        return violations;
    }
}
