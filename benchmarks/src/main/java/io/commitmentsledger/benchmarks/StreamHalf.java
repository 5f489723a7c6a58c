package io.commitmentsledger.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The seam to the stream half (package {@code io.commitmentsledger.benchmarks.streams}, written beside this one): it
 * loads at least 1,000,000 events over 100,000 commitments into the event store and measures publication against a
 * plain producer, projection-service's live consumer and a rebuild against a plain consumer, and the lag over time.
 *
 * <p>{@link #call} is the one place that calls it, through its contract: {@code new StreamBenchmark(new
 * StreamTarget(kafkaBootstrapServers, eventTopic, storeJdbcUrl, projectionJdbcUrl, commitmentsService,
 * projectionService, adminToken, auditorToken), new StreamSettings(commitments, eventsPerCommitment,
 * liveWindow)).run()}, answering a {@code StreamFigures}. It looks the classes up by name only so that the two halves
 * compile apart while they are written; once both are in one build this method may call them directly.
 */
final class StreamHalf {

    private static final String PACKAGE = "io.commitmentsledger.benchmarks.streams.";
    static final String EVENT_TOPIC = "commitment-events";

    /** StreamFigures, as the report keeps it. */
    record Figures(
            long events,
            double publicationEventsPerSecond,
            double plainProducerRecordsPerSecond,
            double liveApplyEventsPerSecond,
            double rebuildEventsPerSecond,
            double plainConsumerRecordsPerSecond,
            List<Lag> lag,
            List<String> notes) {}

    /** LagSample. */
    record Lag(double seconds, long recordedNotPublished, long publishedNotApplied) {}

    private StreamHalf() {}

    /** The stream half's figures, or empty if this build does not hold it. */
    static Optional<Figures> run(
            LedgerUnderTest ledger,
            BenchmarkSettings settings,
            Supplier<String> adminToken,
            Supplier<String> auditorToken)
            throws Exception {
        try {
            return Optional.of(call(
                    PACKAGE,
                    ledger.kafkaBootstrapServers(),
                    ledger.storeJdbcUrl(),
                    ledger.projectionJdbcUrl(),
                    ledger.commitmentsService(),
                    ledger.projectionService(),
                    adminToken,
                    auditorToken,
                    settings.streamCommitments(),
                    settings.streamEventsPerCommitment(),
                    settings.streamLiveWindow()));
        } catch (ClassNotFoundException notInThisBuild) {
            return Optional.empty();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Calls the stream half in {@code contractPackage} (its own, or a stand-in's in a test). */
    static Figures call(
            String contractPackage,
            String kafka,
            String storeJdbcUrl,
            String projectionJdbcUrl,
            URI commitmentsService,
            URI projectionService,
            Supplier<String> adminToken,
            Supplier<String> auditorToken,
            int commitments,
            int eventsPerCommitment,
            Duration liveWindow)
            throws ReflectiveOperationException {
        Class<?> targetType = Class.forName(contractPackage + "StreamTarget");
        Class<?> settingsType = Class.forName(contractPackage + "StreamSettings");
        Object target = targetType
                .getConstructor(
                        String.class,
                        String.class,
                        String.class,
                        String.class,
                        URI.class,
                        URI.class,
                        Supplier.class,
                        Supplier.class)
                .newInstance(
                        kafka,
                        EVENT_TOPIC,
                        storeJdbcUrl,
                        projectionJdbcUrl,
                        commitmentsService,
                        projectionService,
                        adminToken,
                        auditorToken);
        Object streamSettings = settingsType
                .getConstructor(int.class, int.class, Duration.class)
                .newInstance(commitments, eventsPerCommitment, liveWindow);
        Object benchmark = Class.forName(contractPackage + "StreamBenchmark")
                .getConstructor(targetType, settingsType)
                .newInstance(target, streamSettings);
        Object figures = benchmark.getClass().getMethod("run").invoke(benchmark);
        List<Lag> lag = ((List<?>) read(figures, "lag"))
                .stream()
                        .map(sample -> new Lag(
                                ((Number) read(sample, "seconds")).doubleValue(),
                                ((Number) read(sample, "recordedNotPublished")).longValue(),
                                ((Number) read(sample, "publishedNotApplied")).longValue()))
                        .toList();
        List<String> notes =
                ((List<?>) read(figures, "notes")).stream().map(String::valueOf).toList();
        return new Figures(
                ((Number) read(figures, "events")).longValue(),
                number(figures, "publicationEventsPerSecond"),
                number(figures, "plainProducerRecordsPerSecond"),
                number(figures, "liveApplyEventsPerSecond"),
                number(figures, "rebuildEventsPerSecond"),
                number(figures, "plainConsumerRecordsPerSecond"),
                lag,
                notes);
    }

    private static double number(Object record, String component) {
        return ((Number) read(record, component)).doubleValue();
    }

    /** A record component's value, by its accessor. */
    private static Object read(Object record, String component) {
        try {
            return record.getClass().getMethod(component).invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "the stream half's " + record.getClass().getSimpleName() + " has no component " + component
                            + ": its contract changed",
                    e);
        }
    }
}
