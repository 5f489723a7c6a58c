package io.commitmentsledger.projection.web;

import io.commitmentsledger.projection.store.CommitmentFilter;
import io.commitmentsledger.projection.store.Incidents;
import io.commitmentsledger.projection.store.ReadModelQueries;
import io.commitmentsledger.projection.summary.CommitmentStatus;
import io.commitmentsledger.projection.summary.CommitmentSummary;
import io.commitmentsledger.projection.web.OverviewView.AreaView;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Server-rendered pages for people: partnerships, a partnership's overview, a commitment and its timeline. */
@Controller
@Hidden
class PagesController {

    private static final int PAGE = 100;

    private final ReadModelQueries queries;
    private final Incidents incidents;
    private final PagesProperties properties;
    private final Clock clock;

    PagesController(ReadModelQueries queries, Incidents incidents, PagesProperties properties, Clock clock) {
        this.queries = queries;
        this.incidents = incidents;
        this.properties = properties;
        this.clock = clock;
    }

    /** One area of a partnership: its counts by status and its commitments. */
    record AreaSection(String area, Map<String, Long> byStatus, long overdue, List<CommitmentView> commitments) {}

    @GetMapping("/")
    String partnerships(Model model) {
        model.addAttribute("partnerships", queries.partnerships());
        return "partnerships";
    }

    @GetMapping("/partnerships/{partnershipId}")
    String partnership(@PathVariable String partnershipId, Model model) {
        LocalDate today = LocalDate.now(clock);
        Map<String, AreaSection> areas = new LinkedHashMap<>();
        for (AreaView area : OverviewView.of(partnershipId, queries.overview(partnershipId, today))
                .areas()) {
            areas.put(area.area(), new AreaSection(area.area(), area.byStatus(), area.overdue(), new ArrayList<>()));
        }
        if (areas.isEmpty()) {
            throw new NotFound("no commitments of partnership " + partnershipId + " are known");
        }
        List<CommitmentView> overdue = new ArrayList<>();
        for (int page = 0; ; page++) {
            var found =
                    queries.list(new CommitmentFilter(partnershipId, null, null, null, null, null), today, page, PAGE);
            Set<String> stale = incidents.stale(
                    found.items().stream().map(CommitmentSummary::commitmentId).toList(), null);
            for (CommitmentSummary summary : found.items()) {
                CommitmentView view = CommitmentView.of(summary, today, stale.contains(summary.commitmentId()));
                areas.get(summary.area()).commitments().add(view);
                if (view.overdue()) {
                    overdue.add(view);
                }
            }
            if ((long) (page + 1) * PAGE >= found.total()) {
                break;
            }
        }
        model.addAttribute("partnershipId", partnershipId);
        model.addAttribute("areas", areas.values());
        model.addAttribute("overdue", overdue);
        model.addAttribute("statuses", CommitmentStatus.values());
        model.addAttribute("today", today);
        return "partnership";
    }

    @GetMapping("/commitments/{commitmentId}")
    String commitment(@PathVariable String commitmentId, Model model) {
        CommitmentSummary summary = queries.summary(commitmentId)
                .orElseThrow(() -> new NotFound("no commitment " + commitmentId + " is known"));
        boolean stale = !incidents.stale(List.of(commitmentId), null).isEmpty();
        model.addAttribute("commitment", CommitmentView.of(summary, LocalDate.now(clock), stale));
        model.addAttribute(
                "timeline",
                queries.timeline(commitmentId, null).stream()
                        .map(TimelineView.Entry::of)
                        .toList());
        model.addAttribute("coverage", queries.logCoverage(commitmentId));
        model.addAttribute("ledgerUrl", properties.ledgerUrl().toString().replaceAll("/+$", ""));
        return "commitment";
    }
}
