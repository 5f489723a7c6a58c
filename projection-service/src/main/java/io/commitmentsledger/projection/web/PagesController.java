package io.commitmentsledger.projection.web;

import io.commitmentsledger.projection.store.CommitmentFilter;
import io.commitmentsledger.projection.store.Incidents;
import io.commitmentsledger.projection.store.ReadModelQueries;
import io.commitmentsledger.projection.store.ReadModelQueries.ActivityCount;
import io.commitmentsledger.projection.store.ReadModelQueries.PartnershipArea;
import io.commitmentsledger.projection.store.ReadModelQueries.PartnershipWorkshop;
import io.commitmentsledger.projection.summary.CommitmentSummary;
import io.commitmentsledger.projection.web.PageText.WorkshopStanding;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Server-rendered pages for people: the partnerships, where a partnership stands, a search over commitments (the
 * API's list query, with the API's parameters) and a commitment with its timeline. Every page says how current it is.
 */
@Controller
@Hidden
class PagesController {

    /** How many overdue commitments, and recently active ones, a partnership's page lists before linking on. */
    static final int FEW = 5;

    private final ReadModelQueries queries;
    private final Incidents incidents;
    private final PagesProperties properties;
    private final Freshness freshness;
    private final PageNames names;
    private final VisibleText visibleText;
    private final Clock clock;

    PagesController(
            ReadModelQueries queries,
            Incidents incidents,
            PagesProperties properties,
            Freshness freshness,
            PageNames names,
            VisibleText visibleText,
            Clock clock) {
        this.queries = queries;
        this.incidents = incidents;
        this.properties = properties;
        this.freshness = freshness;
        this.names = names;
        this.visibleText = visibleText;
        this.clock = clock;
    }

    /** A partnership on the front page: its name and how many commitments it has. */
    record PartnershipEntry(String partnershipId, String name, long commitments) {}

    /** What one actor (an agency of a party) recorded across a partnership, by kind of event. */
    record ActorActivity(String actor, String name, Map<String, Long> byKind, long total) {}

    /** Workshops that stand alike on a day: upcoming, held, past their window with no outcome recorded, ... */
    record WorkshopGroup(String id, String heading, List<PartnershipWorkshop> workshops) {}

    /** One party's country and what its agencies recorded. */
    record PartyActivity(String country, String name, List<ActorActivity> actors, long total) {}

    @GetMapping("/")
    String partnerships(Model model) {
        model.addAttribute("partnerships", partnershipEntries());
        return page(model, "partnerships");
    }

    @GetMapping("/partnerships/{partnershipId}")
    String partnership(@PathVariable String partnershipId, Model model) {
        LocalDate today = LocalDate.now(clock);
        var statusCounts = queries.overview(partnershipId, today);
        if (statusCounts.isEmpty()) {
            throw new NotFound("no commitments of partnership " + partnershipId + " are known");
        }
        PartnershipProgress progress = PartnershipProgress.of(
                statusCounts,
                queries.partyCounts(partnershipId),
                area -> names.area(partnershipId, area),
                names::country);
        var overdue = queries.list(new CommitmentFilter(partnershipId, null, null, null, true, null), today, 0, FEW);
        List<CommitmentSummary> recent = queries.recentlyActive(partnershipId, FEW);
        Map<WorkshopStanding, List<PartnershipWorkshop>> workshops = new EnumMap<>(WorkshopStanding.class);
        for (WorkshopStanding standing : WorkshopStanding.values()) {
            workshops.put(standing, new ArrayList<>());
        }
        for (PartnershipWorkshop workshop : queries.workshops(partnershipId)) {
            workshops.get(WorkshopStanding.of(workshop.workshop(), today)).add(workshop);
        }
        model.addAttribute("partnershipId", partnershipId);
        model.addAttribute("partnershipName", names.partnership(partnershipId));
        model.addAttribute("progress", progress);
        model.addAttribute("overdue", views(overdue.items(), today));
        model.addAttribute("overdueTotal", overdue.total());
        model.addAttribute("overdueSearch", overdueSearch(partnershipId));
        model.addAttribute("recent", views(recent, today));
        model.addAttribute("activity", activity(queries.activity(partnershipId)));
        List<WorkshopGroup> groups = new ArrayList<>();
        groups.add(new WorkshopGroup("upcoming", "Upcoming", workshops.get(WorkshopStanding.UPCOMING)));
        if (!workshops.get(WorkshopStanding.IN_WINDOW).isEmpty()) {
            groups.add(
                    new WorkshopGroup("in-window", "In their window now", workshops.get(WorkshopStanding.IN_WINDOW)));
        }
        groups.add(new WorkshopGroup("held", "Held", workshops.get(WorkshopStanding.HELD)));
        groups.add(new WorkshopGroup(
                "window-passed", "Window passed, no outcome recorded", workshops.get(WorkshopStanding.WINDOW_PASSED)));
        if (!workshops.get(WorkshopStanding.CANCELLED).isEmpty()) {
            groups.add(new WorkshopGroup("cancelled", "Cancelled", workshops.get(WorkshopStanding.CANCELLED)));
        }
        model.addAttribute("workshopGroups", groups);
        List<PartnershipProgress.Row> charts = new ArrayList<>();
        charts.add(progress.overall());
        charts.addAll(progress.areas());
        model.addAttribute("charts", charts);
        model.addAttribute("today", today);
        return page(model, "partnership");
    }

    @GetMapping("/commitments")
    String search(
            @RequestParam(required = false) @Nullable String partnership,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String party,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String overdue,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String size,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        SearchForm form = new SearchForm(partnership, area, party, status, overdue, q, page, size);
        List<SearchForm.Problem> problems = form.problems();
        if (!problems.isEmpty() && !PageErrors.wantsHtml(request)) {
            throw new InvalidParameter(
                    problems.get(0).parameter(), problems.get(0).message());
        }
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("partnershipChoices", partnershipEntries());
        model.addAttribute("areaChoices", areaChoices());
        model.addAttribute(
                "countryChoices",
                queries.countries().stream()
                        .map(c -> new PartnershipEntry(c, names.country(c), 0))
                        .toList());
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, "search");
        }
        var found = queries.list(form.filter(), today, form.pageNumber(), form.pageSize());
        long first = (long) found.page() * found.size() + 1;
        long last = Math.min(first + found.items().size() - 1, found.total());
        model.addAttribute("results", views(found.items(), today));
        model.addAttribute("total", found.total());
        model.addAttribute("first", first);
        model.addAttribute("last", last);
        model.addAttribute("previous", found.page() > 0 ? form.at(found.page() - 1) : null);
        model.addAttribute(
                "next", (long) (found.page() + 1) * found.size() < found.total() ? form.at(found.page() + 1) : null);
        model.addAttribute("firstPage", found.page() > 0 ? form.at(0) : null);
        return page(model, "search");
    }

    @GetMapping("/commitments/{commitmentId}")
    String commitment(@PathVariable String commitmentId, Model model) {
        CommitmentSummary summary = queries.summary(commitmentId)
                .orElseThrow(() -> new NotFound("no commitment " + commitmentId + " is known"));
        boolean stale = !incidents.stale(List.of(commitmentId), null).isEmpty();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("commitment", CommitmentView.of(summary, today, stale));
        model.addAttribute("pageTitle", visibleText.plain(summary.title()));
        model.addAttribute(
                "timeline",
                queries.timeline(commitmentId, null).stream()
                        .map(TimelineView.Entry::of)
                        .map(this::withNames)
                        .toList());
        model.addAttribute("coverage", queries.logCoverage(commitmentId));
        model.addAttribute("ledgerUrl", properties.ledgerUrl().toString().replaceAll("/+$", ""));
        model.addAttribute("today", today);
        return page(model, "commitment");
    }

    /** The entry with its summary naming agencies instead of their codes. */
    private TimelineView.Entry withNames(TimelineView.Entry e) {
        return new TimelineView.Entry(
                e.sequence(),
                e.globalPosition(),
                e.eventId(),
                e.kind(),
                e.occurredOn(),
                e.recordedAt(),
                e.actor(),
                e.actorCountry(),
                e.actorAgency(),
                names.inText(e.summary()));
    }

    /** Adds what every page shows (how current it is) to the model. */
    private String page(Model model, String template) {
        model.addAttribute("freshness", freshness.now());
        return template;
    }

    private List<CommitmentView> views(List<CommitmentSummary> summaries, LocalDate today) {
        Set<String> stale = incidents.stale(
                summaries.stream().map(CommitmentSummary::commitmentId).toList(), null);
        return summaries.stream()
                .map(s -> CommitmentView.of(s, today, stale.contains(s.commitmentId())))
                .toList();
    }

    /** The search for every overdue commitment of the partnership. */
    private static String overdueSearch(String partnershipId) {
        return new SearchForm(partnershipId, null, null, null, "true", null, null, null).at(0);
    }

    /** Actors grouped by their country, each with its events counted by kind. */
    private List<PartyActivity> activity(List<ActivityCount> counts) {
        Map<String, Map<String, Map<String, Long>>> byCountry = new TreeMap<>();
        for (ActivityCount count : counts) {
            String country = count.actor().contains("/")
                    ? count.actor().substring(0, count.actor().indexOf('/'))
                    : count.actor();
            byCountry
                    .computeIfAbsent(country, c -> new TreeMap<>())
                    .computeIfAbsent(count.actor(), a -> new LinkedHashMap<>())
                    .merge(count.kind(), count.events(), Long::sum);
        }
        List<PartyActivity> parties = new ArrayList<>();
        byCountry.forEach((country, actors) -> {
            List<ActorActivity> list = new ArrayList<>();
            actors.forEach((actor, kinds) -> list.add(new ActorActivity(
                    actor,
                    names.actor(actor),
                    kinds,
                    kinds.values().stream().mapToLong(Long::longValue).sum())));
            parties.add(new PartyActivity(
                    country,
                    names.country(country),
                    list,
                    list.stream().mapToLong(ActorActivity::total).sum()));
        });
        parties.sort(Comparator.comparing(PartyActivity::name, String.CASE_INSENSITIVE_ORDER));
        return parties;
    }

    /** The partnerships by name, each with how many commitments it has. */
    private List<PartnershipEntry> partnershipEntries() {
        return queries.partnerships().stream()
                .map(p ->
                        new PartnershipEntry(p.partnershipId(), names.partnership(p.partnershipId()), p.commitments()))
                .sorted(Comparator.comparing(PartnershipEntry::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Area choices: each area's slug with its name and its partnership's name (areas are a partnership's own). */
    record AreaChoice(String area, String label) {}

    private List<AreaChoice> areaChoices() {
        Map<String, AreaChoice> choices = new LinkedHashMap<>();
        for (PartnershipArea area : queries.areas()) {
            String name = names.area(area.partnershipId(), area.area());
            choices.merge(
                    area.area(),
                    new AreaChoice(area.area(), name),
                    (a, b) ->
                            a.label().equals(b.label()) ? a : new AreaChoice(a.area(), a.label() + " / " + b.label()));
        }
        return choices.values().stream()
                .sorted(Comparator.comparing(AreaChoice::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
