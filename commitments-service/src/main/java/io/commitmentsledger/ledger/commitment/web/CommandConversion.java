package io.commitmentsledger.ledger.commitment.web;

import static io.commitmentsledger.contracts.Checks.DESCRIPTION_LENGTH;
import static io.commitmentsledger.contracts.Checks.LOCATION_LENGTH;
import static io.commitmentsledger.contracts.Checks.NOTE_LENGTH;
import static io.commitmentsledger.contracts.Checks.REASON_LENGTH;
import static io.commitmentsledger.contracts.Checks.SOURCE_SECTION_LENGTH;
import static io.commitmentsledger.contracts.Checks.SOURCE_TITLE_LENGTH;
import static io.commitmentsledger.contracts.Checks.TITLE_LENGTH;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import io.commitmentsledger.contracts.Quarter;
import io.commitmentsledger.contracts.SourceReference;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.ledger.commitment.AgreeCommitmentCommand;
import io.commitmentsledger.ledger.commitment.AmendTargetCommand;
import io.commitmentsledger.ledger.commitment.BilateralParties;
import io.commitmentsledger.ledger.commitment.CancelWorkshopCommand;
import io.commitmentsledger.ledger.commitment.ConfirmCommitmentCommand;
import io.commitmentsledger.ledger.commitment.CorrectAgreementDateCommand;
import io.commitmentsledger.ledger.commitment.ExpectedVersion;
import io.commitmentsledger.ledger.commitment.MarkCommitmentCompleteCommand;
import io.commitmentsledger.ledger.commitment.RecordWorkshopOutcomeCommand;
import io.commitmentsledger.ledger.commitment.ReportProgressCommand;
import io.commitmentsledger.ledger.commitment.RescheduleWorkshopCommand;
import io.commitmentsledger.ledger.commitment.ScheduleWorkshopCommand;
import io.commitmentsledger.ledger.commitment.WithdrawCommitmentCommand;
import io.commitmentsledger.ledger.commitment.web.CommandRequests.PartyBody;
import io.commitmentsledger.ledger.commitment.web.CommandRequests.SourceBody;
import io.commitmentsledger.ledger.commitment.web.CommandRequests.WhenBody;
import io.commitmentsledger.ledger.web.RequestFields;
import io.commitmentsledger.security.AccessRefused;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns request bodies into commands. Each field is converted by its value type; every problem is collected and
 * reported together ({@link RequestFields}), so a request is either wholly valid or rejected with a list.
 */
@Component
class CommandConversion {

    /** The rule a body naming another acting agency than the caller breaks. */
    static final String ACTOR_IS_THE_CALLER = "actor-is-the-caller";

    private final Clock clock;

    CommandConversion(Clock clock) {
        this.clock = clock;
    }

    AgreeCommitmentCommand agree(ActingAgency caller, CommandRequests.Agree body) {
        RequestFields fields = new RequestFields(clock);
        CommitmentId id = body.commitmentId() == null
                ? idFromTitle(body.title())
                : fields.convert("commitmentId", () -> new CommitmentId(body.commitmentId()));
        PartnershipId partnership = fields.convert("partnershipId", () -> new PartnershipId(body.partnershipId()));
        Area area = fields.convert("area", () -> new Area(body.area()));
        String title = fields.convert("title", () -> Checks.text(body.title(), "title", TITLE_LENGTH));
        String description = fields.convert(
                "description", () -> Checks.optionalProse(body.description(), "description", DESCRIPTION_LENGTH));
        List<Party> parties = parties(fields, body.parties());
        PartialDate target = target(fields, body.target());
        PartialDate agreedOn = fields.pastPartialDate("agreedOn", body.agreedOn());
        SourceReference source = source(fields, body.source());
        ActingAgency actor = actor(fields, caller, body.actingAgency());
        fields.throwIfInvalid();
        return new AgreeCommitmentCommand(
                id, partnership, area, title, description, parties, target, source, actor, agreedOn);
    }

    ConfirmCommitmentCommand confirm(
            ActingAgency caller,
            CommitmentId id,
            CommandRequests.Confirm body,
            @Nullable ExpectedVersion expectedVersion) {
        RequestFields fields = new RequestFields(clock);
        LocalDate confirmedOn = fields.pastDate("confirmedOn", body.confirmedOn());
        ActingAgency actor = actor(fields, caller, body.actingAgency());
        fields.throwIfInvalid();
        return new ConfirmCommitmentCommand(id, actor, confirmedOn, expectedVersion);
    }

    ScheduleWorkshopCommand scheduleWorkshop(
            ActingAgency caller,
            CommitmentId id,
            CommandRequests.ScheduleWorkshop body,
            @Nullable ExpectedVersion expectedVersion) {
        RequestFields fields = new RequestFields(clock);
        WorkshopId workshopId = fields.convert("workshopId", () -> new WorkshopId(body.workshopId()));
        String title = fields.convert("title", () -> Checks.text(body.title(), "title", TITLE_LENGTH));
        DateWindow window = window(fields, body.when());
        WorkshopFormat format = body.format() == null ? null : format(fields, body.format());
        String location = location(fields, body.location());
        CountryCode host = body.host() == null ? null : fields.convert("host", () -> new CountryCode(body.host()));
        LocalDate scheduledOn = fields.pastDate("scheduledOn", body.scheduledOn());
        ActingAgency actor = actor(fields, caller, body.actingAgency());
        fields.throwIfInvalid();
        return new ScheduleWorkshopCommand(
                id, workshopId, title, window, format, location, host, actor, scheduledOn, expectedVersion);
    }

    RescheduleWorkshopCommand rescheduleWorkshop(
            ActingAgency caller,
            CommitmentId id,
            WorkshopId workshopId,
            CommandRequests.RescheduleWorkshop body,
            @Nullable ExpectedVersion expectedVersion) {
        RequestFields fields = new RequestFields(clock);
        DateWindow window = window(fields, body.when());
        WorkshopFormat format = format(fields, body.format());
        String location = location(fields, body.location());
        String reason = reason(fields, body.reason());
        LocalDate rescheduledOn = fields.pastDate("rescheduledOn", body.rescheduledOn());
        ActingAgency actor = actor(fields, caller, body.actingAgency());
        fields.throwIfInvalid();
        return new RescheduleWorkshopCommand(
                id, workshopId, window, format, location, reason, actor, rescheduledOn, expectedVersion);
    }

    CancelWorkshopCommand cancelWorkshop(
            ActingAgency caller,
            CommitmentId id,
            WorkshopId workshopId,
            CommandRequests.CancelWorkshop body,
            @Nullable ExpectedVersion expectedVersion) {
        RequestFields fields = new RequestFields(clock);
        String reason = reason(fields, body.reason());
        LocalDate cancelledOn = fields.pastDate("cancelledOn", body.cancelledOn());
        ActingAgency actor = actor(fields, caller, body.actingAgency());
        fields.throwIfInvalid();
        return new CancelWorkshopCommand(id, workshopId, reason, actor, cancelledOn, expectedVersion);
    }

    RecordWorkshopOutcomeCommand recordWorkshopOutcome(
            ActingAgency caller,
            CommitmentId id,
            WorkshopId workshopId,
            CommandRequests.WorkshopOutcome body,
            @Nullable ExpectedVersion expectedVersion) {
        RequestFields fields = new RequestFields(clock);
        LocalDate heldOn = fields.pastDate("heldOn", body.heldOn());
        String outcome = fields.convert("outcome", () -> Checks.prose(body.outcome(), "outcome", REASON_LENGTH));
        ActingAgency actor = actor(fields, caller, body.actingAgency());
        fields.throwIfInvalid();
        return new RecordWorkshopOutcomeCommand(id, workshopId, outcome, actor, heldOn, expectedVersion);
    }

    ReportProgressCommand reportProgress(
            ActingAgency caller,
            CommitmentId id,
            CommandRequests.ProgressReport body,
            @Nullable ExpectedVersion expectedVersion) {
        RequestFields fields = new RequestFields(clock);
        String note = fields.convert("note", () -> Checks.prose(body.note(), "note", NOTE_LENGTH));
        URI evidence = fields.convert("evidence", () -> optionalUrl(body.evidence(), "evidence"));
        LocalDate reportedOn = fields.pastDate("reportedOn", body.reportedOn());
        ActingAgency actor = actor(fields, caller, body.actingAgency());
        fields.throwIfInvalid();
        return new ReportProgressCommand(id, note, evidence, actor, reportedOn, expectedVersion);
    }

    MarkCommitmentCompleteCommand markComplete(
            ActingAgency caller,
            CommitmentId id,
            CommandRequests.Completion body,
            @Nullable ExpectedVersion expectedVersion) {
        RequestFields fields = new RequestFields(clock);
        LocalDate completedOn = fields.pastDate("completedOn", body.completedOn());
        String evidence = fields.convert("evidence", () -> Checks.prose(body.evidence(), "evidence", NOTE_LENGTH));
        ActingAgency actor = actor(fields, caller, body.actingAgency());
        fields.throwIfInvalid();
        return new MarkCommitmentCompleteCommand(id, evidence, actor, completedOn, expectedVersion);
    }

    AmendTargetCommand amendTarget(
            ActingAgency caller,
            CommitmentId id,
            CommandRequests.Amendment body,
            @Nullable ExpectedVersion expectedVersion) {
        RequestFields fields = new RequestFields(clock);
        PartialDate target = target(fields, body.target());
        String reason = reason(fields, body.reason());
        LocalDate amendedOn = fields.pastDateOrToday("amendedOn", body.amendedOn());
        ActingAgency actor = actor(fields, caller, body.actingAgency());
        fields.throwIfInvalid();
        return new AmendTargetCommand(id, target, reason, actor, amendedOn, expectedVersion);
    }

    CorrectAgreementDateCommand correctAgreementDate(
            ActingAgency caller,
            CommitmentId id,
            CommandRequests.AgreementDateCorrection body,
            @Nullable ExpectedVersion expectedVersion) {
        RequestFields fields = new RequestFields(clock);
        PartialDate agreedOn = fields.pastPartialDate("agreedOn", body.agreedOn());
        String reason = reason(fields, body.reason());
        LocalDate correctedOn = fields.pastDateOrToday("correctedOn", body.correctedOn());
        ActingAgency actor = actor(fields, caller, body.actingAgency());
        fields.throwIfInvalid();
        return new CorrectAgreementDateCommand(id, agreedOn, reason, actor, correctedOn, expectedVersion);
    }

    WithdrawCommitmentCommand withdraw(
            ActingAgency caller,
            CommitmentId id,
            CommandRequests.Withdrawal body,
            @Nullable ExpectedVersion expectedVersion) {
        RequestFields fields = new RequestFields(clock);
        String reason = reason(fields, body.reason());
        LocalDate withdrawnOn = fields.pastDate("withdrawnOn", body.withdrawnOn());
        ActingAgency actor = actor(fields, caller, body.actingAgency());
        fields.throwIfInvalid();
        return new WithdrawCommitmentCommand(id, reason, actor, withdrawnOn, expectedVersion);
    }

    // --- shared parts of several requests ---

    /**
     * The actor is the caller, as its token names it: a body may still name the acting agency (older clients do), but
     * only as the caller; naming another is refused, whatever else the request says.
     */
    private static ActingAgency actor(RequestFields fields, ActingAgency caller, @Nullable String stated) {
        if (stated != null) {
            ActingAgency named = fields.convert("actingAgency", () -> ActingAgency.parse(stated));
            if (named != null && !named.equals(caller)) {
                throw new AccessRefused(
                        ACTOR_IS_THE_CALLER,
                        "the body names " + named + " as the acting agency, but the caller is " + caller
                                + ": an agency acts only as itself");
            }
        }
        return caller;
    }

    private static String reason(RequestFields fields, String text) {
        return fields.convert("reason", () -> Checks.prose(text, "reason", REASON_LENGTH));
    }

    private static String location(RequestFields fields, String text) {
        return fields.convert("location", () -> Checks.optionalText(text, "location", LOCATION_LENGTH));
    }

    private static WorkshopFormat format(RequestFields fields, String text) {
        return fields.convert("format", () -> {
            Checks.required(text, "format");
            try {
                return WorkshopFormat.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("format must be one of IN_PERSON, ONLINE, HYBRID");
            }
        });
    }

    private static List<Party> parties(RequestFields fields, List<PartyBody> bodies) {
        if (bodies == null) {
            fields.problem("parties", "parties are required");
            return null;
        }
        if (bodies.size() != 2) {
            fields.problem("parties", "a bilateral commitment has exactly two parties, not " + bodies.size());
        }
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String path = "parties[" + i + "]";
            PartyBody body = bodies.get(i);
            if (body == null) {
                fields.problem(path, "a party is required");
                continue;
            }
            CountryCode country = fields.convert(path + ".country", () -> new CountryCode(body.country()));
            List<AgencyCode> agencies = new ArrayList<>();
            if (body.agencies() == null) {
                fields.problem(path + ".agencies", "agencies are required");
            } else {
                for (int j = 0; j < body.agencies().size(); j++) {
                    String agency = body.agencies().get(j);
                    agencies.add(fields.convert(path + ".agencies[" + j + "]", () -> new AgencyCode(agency)));
                }
            }
            Party party = country == null || agencies.contains(null) || body.agencies() == null
                    ? null
                    : fields.convert(path, () -> new Party(country, agencies));
            parties.add(party);
        }
        return parties.size() != 2 || parties.contains(null)
                ? null
                : fields.convert("parties", () -> BilateralParties.check(parties));
    }

    /** The two forms a target is written in: what older clients send, and the form it is recorded in. */
    private static final String TARGET_FORMS = "a target is a date as precise as the source, written '2024', '2024-Q1',"
            + " '2024-03' or '2024-12-31', or (the older form) {\"date\": \"2024-12-31\"} or {\"quarter\": \"2024-Q1\"}";

    private static final Set<String> LEGACY_TARGET_FIELDS = Set.of("date", "quarter");

    /**
     * A target as the text of a {@link PartialDate} ({@code "2024-Q1"}), or in the older object form ({@code
     * {"quarter": "2024-Q1"}} or {@code {"date": "2024-12-31"}}), which names the same dates; null when absent or
     * null (no target).
     */
    private static @Nullable PartialDate target(RequestFields fields, @Nullable JsonNode target) {
        if (target == null || target.isNull() || target.isMissingNode()) {
            return null;
        }
        if (target.isString()) {
            return fields.convert("target", () -> PartialDate.parse(target.asString()));
        }
        if (!target.isObject()) {
            fields.problem("target", TARGET_FORMS);
            return null;
        }
        List<String> unknown = target.propertyNames().stream()
                .filter(name -> !LEGACY_TARGET_FIELDS.contains(name))
                .toList();
        if (!unknown.isEmpty()) {
            fields.problem("target", "unknown field(s) " + unknown + ": " + TARGET_FORMS);
            return null;
        }
        JsonNode date = target.get("date");
        JsonNode quarter = target.get("quarter");
        boolean hasDate = date != null && !date.isNull();
        boolean hasQuarter = quarter != null && !quarter.isNull();
        if (hasDate == hasQuarter) {
            fields.problem("target", "target must have either a date or a quarter");
            return null;
        }
        if (hasQuarter) {
            if (!quarter.isString()) {
                fields.problem("target.quarter", "must be a quarter written YYYY-QN, such as 2024-Q1");
                return null;
            }
            return fields.convert("target.quarter", () -> PartialDate.quarter(Quarter.parse(quarter.asString())));
        }
        if (!date.isString()) {
            fields.problem("target.date", "must be a valid date written YYYY-MM-DD");
            return null;
        }
        LocalDate day = fields.date("target.date", date.asString(), true);
        // A day the calendar has but the ledger's dates do not (before 1900, after 2999) is refused like any bad date.
        return day == null ? null : fields.convert("target.date", () -> PartialDate.day(day));
    }

    private static DateWindow window(RequestFields fields, WhenBody when) {
        if (when == null) {
            fields.problem("when", "when is required: a date, a start and end, or a quarter");
            return null;
        }
        boolean single = when.date() != null;
        boolean span = when.start() != null || when.end() != null;
        boolean quarter = when.quarter() != null;
        if ((single ? 1 : 0) + (span ? 1 : 0) + (quarter ? 1 : 0) != 1) {
            fields.problem("when", "give exactly one of: a date, a start and end, or a quarter");
            return null;
        }
        if (single) {
            LocalDate date = fields.date("when.date", when.date(), true);
            return date == null ? null : DateWindow.on(date);
        }
        if (quarter) {
            return fields.convert("when.quarter", () -> {
                Quarter q = Quarter.parse(when.quarter());
                return new DateWindow(q.firstDay(), q.lastDay());
            });
        }
        LocalDate start = fields.date("when.start", when.start(), true);
        LocalDate end = fields.date("when.end", when.end(), true);
        return start == null || end == null ? null : fields.convert("when", () -> new DateWindow(start, end));
    }

    private static SourceReference source(RequestFields fields, SourceBody body) {
        if (body == null) {
            fields.problem("source", "source is required: the document that records the agreement");
            return null;
        }
        String title =
                fields.convert("source.title", () -> Checks.text(body.title(), "source title", SOURCE_TITLE_LENGTH));
        URI url = fields.convert("source.url", () -> optionalUrl(body.url(), "source url"));
        String section = fields.convert(
                "source.section", () -> Checks.optionalText(body.section(), "source section", SOURCE_SECTION_LENGTH));
        return title == null ? null : fields.convert("source", () -> new SourceReference(title, url, section));
    }

    private static URI optionalUrl(String text, String what) {
        if (text == null) {
            return null;
        }
        try {
            return Checks.optionalHttpUrl(new URI(text), what);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(what + " must be an absolute http or https address");
        }
    }

    /** A readable id for a client that chose none: the title's words and a random suffix against collisions. */
    private static CommitmentId idFromTitle(String title) {
        String words = title == null
                ? ""
                : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (words.length() > 60) {
            words = words.substring(0, 60).replaceAll("-+$", "");
        }
        String suffix = HexFormat.of()
                .toHexDigits(ThreadLocalRandom.current().nextInt())
                .substring(0, 6);
        return new CommitmentId(words.isEmpty() ? "commitment-" + suffix : words + "-" + suffix);
    }
}
