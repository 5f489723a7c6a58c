package io.commitmentsledger.projection.web;

import io.commitmentsledger.projection.store.CommitmentFilter;
import io.commitmentsledger.projection.store.Incidents;
import io.commitmentsledger.projection.store.ReadModelQueries;
import io.commitmentsledger.projection.summary.CommitmentStatus;
import io.commitmentsledger.projection.summary.CommitmentSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** What readers ask of the read model. Every answer comes from the active generation. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Queries", description = "Where commitments stand and what happened to them")
class QueryController {

    private static final int LARGEST_PAGE = 100;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final String WAIT_DESCRIPTION = "How long to wait for minVersion, e.g. 2s or 500ms; 0 to answer"
            + " at once; longer than ledger.projection.reads.longest-wait (30s) is cut to it; negative is a 400";
    /** How long after a wait ends the container gives up on the answer, which comes well before. */
    private static final Duration CONTAINER_GRACE = Duration.ofSeconds(10);

    private final ReadModelQueries queries;
    private final VersionWaits waits;
    private final Incidents incidents;
    private final Clock clock;

    QueryController(ReadModelQueries queries, VersionWaits waits, Incidents incidents, Clock clock) {
        this.queries = queries;
        this.waits = waits;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Schema(name = "CommitmentPage")
    record PageView(List<CommitmentView> items, int page, int size, long total) {}

    @GetMapping("/commitments")
    @Operation(summary = "List commitments, filtered, in a stable order (by id), one page at a time")
    PageView list(
            @RequestParam(required = false) @Nullable String partnership,
            @RequestParam(required = false) @Nullable String area,
            @Parameter(description = "A party's country, e.g. JP") @RequestParam(required = false) @Nullable
                    String party,
            @RequestParam(required = false) @Nullable CommitmentStatus status,
            @RequestParam(required = false) @Nullable Boolean overdue,
            @Parameter(description = "Words in the title or description") @RequestParam(required = false) @Nullable
                    String q,
            @Parameter(description = "0 or more") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to " + LARGEST_PAGE) @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidParameter("page", "page must be 0 or more");
        }
        if (size < 1 || size > LARGEST_PAGE) {
            throw new InvalidParameter("size", "size must be 1 to " + LARGEST_PAGE);
        }
        LocalDate today = LocalDate.now(clock);
        var found = queries.list(
                new CommitmentFilter(partnership, area, party, status, overdue, q == null || q.isBlank() ? null : q),
                today,
                page,
                size);
        Set<String> stale = incidents.stale(
                found.items().stream().map(CommitmentSummary::commitmentId).toList(), null);
        return new PageView(
                found.items().stream()
                        .map(s -> CommitmentView.of(s, today, stale.contains(s.commitmentId())))
                        .toList(),
                found.page(),
                found.size(),
                found.total());
    }

    @GetMapping("/commitments/{commitmentId}")
    @Operation(
            summary = "Where a commitment stands",
            description = "asOf: as it was known at that instant (years 1 to 9999). minVersion with wait:"
                    + " read-your-writes, waits up to `wait` for the projection to reach the version a command"
                    + " answered, without holding a thread. 404 commitment-not-found if the commitment is still"
                    + " unknown when the wait ends; 503 version-not-yet-visible (Retry-After) if it is known at an"
                    + " older version; 503 too-many-waiting-reads (Retry-After) at once if as many reads already"
                    + " wait as the service allows (ledger.projection.reads.max-waiting).")
    DeferredResult<CommitmentView> commitment(
            @PathVariable String commitmentId,
            @RequestParam(required = false) @Nullable Instant asOf,
            @Parameter(description = "The version to wait for, 0 or more") @RequestParam(required = false) @Nullable
                    Long minVersion,
            @Parameter(description = WAIT_DESCRIPTION) @RequestParam(defaultValue = "5s") String wait) {
        return whenVisible(commitmentId, asOf, minVersion, wait, (current, at) -> {
            boolean stale = isStale(commitmentId, at);
            if (at == null) {
                return CommitmentView.of(current, LocalDate.now(clock), stale);
            }
            return queries.summaryAsOf(commitmentId, at)
                    .map(summary -> CommitmentView.of(summary, LocalDate.ofInstant(at, clock.getZone()), stale))
                    .orElseThrow(() -> new NotFound("commitment " + commitmentId + " was not yet known at " + at));
        });
    }

    @GetMapping("/commitments/{commitmentId}/timeline")
    @Operation(
            summary = "Everything that happened to a commitment, in order",
            description = "asOf, minVersion and wait as for the commitment")
    DeferredResult<TimelineView> timeline(
            @PathVariable String commitmentId,
            @RequestParam(required = false) @Nullable Instant asOf,
            @Parameter(description = "The version to wait for, 0 or more") @RequestParam(required = false) @Nullable
                    Long minVersion,
            @Parameter(description = WAIT_DESCRIPTION) @RequestParam(defaultValue = "5s") String wait) {
        return whenVisible(commitmentId, asOf, minVersion, wait, (current, at) -> {
            var rows = queries.timeline(commitmentId, at);
            if (rows.isEmpty()) {
                throw new NotFound("commitment " + commitmentId + " was not yet known at " + at);
            }
            return new TimelineView(
                    commitmentId,
                    rows.get(rows.size() - 1).sequence(),
                    at,
                    rows.stream().map(TimelineView.Entry::of).toList(),
                    isStale(commitmentId, at));
        });
    }

    @GetMapping("/partnerships/{partnershipId}/overview")
    @Operation(summary = "A partnership's commitments counted by area and status, with how many are overdue")
    OverviewView overview(@PathVariable String partnershipId) {
        return OverviewView.of(partnershipId, queries.overview(partnershipId, LocalDate.now(clock)));
    }

    /**
     * The commitment now; with {@code minVersion}, once it has reached that version, waiting for it (without a
     * thread) up to {@code wait}.
     */
    private CompletableFuture<CommitmentSummary> current(
            String commitmentId, @Nullable Long minVersion, Duration wait) {
        if (minVersion == null) {
            return CompletableFuture.completedFuture(queries.summary(commitmentId)
                    .orElseThrow(() -> new NotFound("no commitment " + commitmentId + " is known")));
        }
        if (minVersion < 0) {
            throw new InvalidParameter("minVersion", "minVersion must be 0 or more");
        }
        return waits.atLeast(commitmentId, minVersion, wait);
    }

    /**
     * Answers asynchronously with {@code view} of the commitment (and the {@code asOf} instant) once it is visible at
     * {@code minVersion}; a client that goes away, or a container timeout, ends the wait.
     */
    private <T> DeferredResult<T> whenVisible(
            String commitmentId,
            @Nullable Instant asOf,
            @Nullable Long minVersion,
            String wait,
            BiFunction<CommitmentSummary, @Nullable Instant, T> view) {
        Instant at = asOf == null ? null : withinTheCalendar(asOf);
        Duration waitFor = waits.bounded(duration(wait));
        CompletableFuture<CommitmentSummary> current = current(commitmentId, minVersion, waitFor);
        DeferredResult<T> result =
                new DeferredResult<>(waitFor.plus(CONTAINER_GRACE).toMillis());
        result.onCompletion(() -> current.cancel(false));
        current.thenApply(summary -> view.apply(summary, at)).whenComplete((answer, failure) -> {
            if (failure != null) {
                result.setErrorResult(
                        failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure);
            } else {
                result.setResult(answer);
            }
        });
        return result;
    }

    /** Whether an incident holds the commitment back, raised by an event recorded by {@code asOf} (if given). */
    private boolean isStale(String commitmentId, @Nullable Instant asOf) {
        return !incidents.stale(List.of(commitmentId), asOf).isEmpty();
    }

    /** PostgreSQL's timestamps, and Java's, hold years 1 to 9999 without trouble. */
    private static Instant withinTheCalendar(Instant asOf) {
        if (asOf.isBefore(EARLIEST) || asOf.isAfter(LATEST)) {
            throw new InvalidParameter("asOf", "asOf must be between " + EARLIEST + " and " + LATEST);
        }
        return asOf;
    }

    private static Duration duration(String text) {
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(text);
        } catch (RuntimeException e) { // not a duration, or too long for one
            throw new InvalidParameter("wait", "wait must be a duration such as 2s, 500ms or PT2S");
        }
        if (duration.isNegative()) {
            throw new InvalidParameter("wait", "wait must not be negative");
        }
        return duration;
    }
}
