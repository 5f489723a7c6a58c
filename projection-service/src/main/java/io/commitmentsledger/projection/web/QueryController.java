package io.commitmentsledger.projection.web;

import io.commitmentsledger.projection.consumer.ProjectionProgress;
import io.commitmentsledger.projection.store.CommitmentFilter;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What readers ask of the read model. Every answer comes from the active generation. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Queries", description = "Where commitments stand and what happened to them")
class QueryController {

    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    private static final int LARGEST_PAGE = 100;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final ReadModelQueries queries;
    private final ProjectionProgress progress;
    private final Clock clock;

    QueryController(ReadModelQueries queries, ProjectionProgress progress, Clock clock) {
        this.queries = queries;
        this.progress = progress;
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
        return new PageView(
                found.items().stream().map(s -> CommitmentView.of(s, today)).toList(),
                found.page(),
                found.size(),
                found.total());
    }

    @GetMapping("/commitments/{commitmentId}")
    @Operation(
            summary = "Where a commitment stands",
            description = "asOf: as it was known at that instant. minVersion with wait: read-your-writes, waits up to"
                    + " `wait` (at most 30s) for the projection to reach the version a command answered; 503 if not.")
    CommitmentView commitment(
            @PathVariable String commitmentId,
            @RequestParam(required = false) @Nullable Instant asOf,
            @RequestParam(required = false) @Nullable Long minVersion,
            @Parameter(description = "How long to wait for minVersion, e.g. 2s or 500ms; at most 30s")
                    @RequestParam(defaultValue = "5s")
                    String wait) {
        LocalDate today = LocalDate.now(clock);
        Instant at = asOf == null ? null : withinTheCalendar(asOf);
        CommitmentSummary current = atLeast(commitmentId, minVersion, duration(wait));
        if (at == null) {
            return CommitmentView.of(current, today);
        }
        return queries.summaryAsOf(commitmentId, at)
                .map(summary -> CommitmentView.of(summary, LocalDate.ofInstant(at, clock.getZone())))
                .orElseThrow(() -> new NotFound("commitment " + commitmentId + " was not yet known at " + at));
    }

    @GetMapping("/commitments/{commitmentId}/timeline")
    @Operation(
            summary = "Everything that happened to a commitment, in order",
            description = "asOf, minVersion and" + " wait as for the commitment")
    TimelineView timeline(
            @PathVariable String commitmentId,
            @RequestParam(required = false) @Nullable Instant asOf,
            @RequestParam(required = false) @Nullable Long minVersion,
            @RequestParam(defaultValue = "5s") String wait) {
        Instant at = asOf == null ? null : withinTheCalendar(asOf);
        atLeast(commitmentId, minVersion, duration(wait));
        var rows = queries.timeline(commitmentId, at);
        if (rows.isEmpty()) {
            throw new NotFound("commitment " + commitmentId + " was not yet known at " + at);
        }
        return new TimelineView(
                commitmentId,
                rows.get(rows.size() - 1).sequence(),
                at,
                rows.stream().map(TimelineView.Entry::of).toList());
    }

    @GetMapping("/partnerships/{partnershipId}/overview")
    @Operation(summary = "A partnership's commitments counted by area and status, with how many are overdue")
    OverviewView overview(@PathVariable String partnershipId) {
        return OverviewView.of(partnershipId, queries.overview(partnershipId, LocalDate.now(clock)));
    }

    /** The commitment now, once it has reached {@code minVersion}; waits for that up to {@code wait}. */
    private CommitmentSummary atLeast(String commitmentId, @Nullable Long minVersion, Duration wait) {
        if (minVersion != null && minVersion < 0) {
            throw new InvalidParameter("minVersion", "minVersion must be 0 or more");
        }
        long required = minVersion == null ? 0 : minVersion;
        Instant deadline = clock.instant().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        while (true) {
            CompletableFuture<Void> change = progress.nextChange(commitmentId);
            Optional<CommitmentSummary> current = queries.summary(commitmentId);
            if (current.isPresent() && current.get().version() >= required) {
                return current.get();
            }
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (minVersion == null || remaining.isNegative() || remaining.isZero()) {
                if (current.isEmpty() && minVersion == null) {
                    throw new NotFound("no commitment " + commitmentId + " is known");
                }
                throw new ProjectionLagging(
                        commitmentId,
                        required,
                        current.map(CommitmentSummary::version).orElse(-1L));
            }
            awaitQuietly(change, remaining);
        }
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

    private static void awaitQuietly(CompletableFuture<Void> change, Duration remaining) {
        try {
            change.get(remaining.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the loop reads again and gives up once the deadline has passed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the projection", e);
        }
    }
}
