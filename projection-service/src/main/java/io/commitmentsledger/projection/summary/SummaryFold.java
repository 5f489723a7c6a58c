package io.commitmentsledger.projection.summary;

import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.Party;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.contracts.events.AgreementDateCorrected;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentCompleted;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.CommitmentMarkedComplete;
import io.commitmentsledger.contracts.events.CommitmentWithdrawn;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.events.TargetAmended;
import io.commitmentsledger.contracts.events.WorkshopCancelled;
import io.commitmentsledger.contracts.events.WorkshopHeld;
import io.commitmentsledger.contracts.events.WorkshopRescheduled;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Folds a commitment's events, oldest first, into its {@link CommitmentSummary}. Pure: no I/O, no clock, and the
 * summary passed in is never changed; every step answers a new summary with unmodifiable lists.
 *
 * <p>The fold trusts the ledger's rules (see the write side's {@code Commitment}) and does not re-check them, but it
 * refuses events it cannot apply meaningfully: a history that does not start with {@link CommitmentAgreed}, a second
 * agreement, an event of another commitment, a party that is not part of the commitment, and a workshop that was
 * never scheduled or is scheduled twice.
 */
public final class SummaryFold {

    /** {@link WorkshopView#state()} of a workshop that is scheduled, possibly after rescheduling. */
    public static final String SCHEDULED = WorkshopView.SCHEDULED;
    /** {@link WorkshopView#state()} of a workshop that will not be held. */
    public static final String CANCELLED = WorkshopView.CANCELLED;
    /** {@link WorkshopView#state()} of a workshop that was held. */
    public static final String HELD = WorkshopView.HELD;

    private SummaryFold() {}

    /** The summary of all {@code events}, applied in order; empty when there are none. */
    public static Optional<CommitmentSummary> fold(List<AppliedEvent> events) {
        Objects.requireNonNull(events, "events");
        CommitmentSummary summary = null;
        for (AppliedEvent applied : events) {
            summary = apply(summary, applied);
        }
        return Optional.ofNullable(summary);
    }

    /**
     * The summary after {@code applied}. {@code current} is {@code null} only before the first event, which must be
     * the commitment's {@link CommitmentAgreed}.
     *
     * @throws IllegalArgumentException if the event cannot follow {@code current}
     */
    public static CommitmentSummary apply(@Nullable CommitmentSummary current, AppliedEvent applied) {
        Objects.requireNonNull(applied, "applied event");
        CommitmentEvent event = Objects.requireNonNull(applied.event(), "applied event's event");
        if (current == null) {
            if (event instanceof CommitmentAgreed agreed) {
                return agreed(agreed, applied);
            }
            throw new IllegalArgumentException("a commitment's history must start with CommitmentAgreed, but its first"
                    + " event " + describe(applied) + " is " + event.getClass().getSimpleName());
        }
        if (!event.commitmentId().value().equals(current.commitmentId())) {
            throw new IllegalArgumentException("event " + describe(applied) + " belongs to commitment "
                    + event.commitmentId() + ", not to " + current.commitmentId());
        }
        return stamped(evolve(current, event, applied), event, applied);
    }

    /**
     * One branch per permitted event type. Java 17 has no pattern-matching switch, so the compiler cannot check that
     * the chain is exhaustive: a type added to {@link CommitmentEvent} lands in the final {@code throw}, and
     * {@code SummaryFoldTest} fails until it has a branch here.
     */
    private static CommitmentSummary evolve(CommitmentSummary current, CommitmentEvent event, AppliedEvent applied) {
        if (event instanceof CommitmentAgreed) {
            throw new IllegalArgumentException("commitment " + current.commitmentId() + " was already agreed on "
                    + current.agreedOn() + "; event " + describe(applied) + " agrees it again");
        } else if (event instanceof CommitmentConfirmed e) {
            return confirmed(current, e);
        } else if (event instanceof WorkshopScheduled e) {
            return workshopScheduled(current, e);
        } else if (event instanceof WorkshopRescheduled e) {
            return withWorkshop(
                    current,
                    e.workshopId(),
                    w -> new WorkshopView(
                            w.workshopId(),
                            w.title(),
                            e.window().start(),
                            e.window().end(),
                            e.format().name(),
                            e.location(),
                            w.host(),
                            w.state(),
                            w.heldOn(),
                            w.outcome()));
        } else if (event instanceof WorkshopCancelled e) {
            return withWorkshop(current, e.workshopId(), w -> withState(w, CANCELLED, null, null));
        } else if (event instanceof WorkshopHeld e) {
            return withWorkshop(current, e.workshopId(), w -> withState(w, HELD, e.occurredOn(), e.outcome()));
        } else if (event instanceof ProgressReported) {
            return current;
        } else if (event instanceof CommitmentMarkedComplete e) {
            return markedComplete(current, e);
        } else if (event instanceof CommitmentCompleted) {
            return with(current, current.parties(), CommitmentStatus.COMPLETED, current.target(), current.workshops());
        } else if (event instanceof TargetAmended e) {
            // a null new target withdraws the target: no date set, so never overdue
            return with(current, current.parties(), current.status(), e.newTarget(), current.workshops());
        } else if (event instanceof CommitmentWithdrawn) {
            return with(current, current.parties(), CommitmentStatus.WITHDRAWN, current.target(), current.workshops());
        } else if (event instanceof AgreementDateCorrected e) {
            return withAgreedOn(current, e.agreedOn());
        }
        throw new IllegalStateException(
                "SummaryFold does not handle " + event.getClass().getName());
    }

    private static CommitmentSummary agreed(CommitmentAgreed agreed, AppliedEvent applied) {
        List<PartyState> parties =
                agreed.parties().stream().map(SummaryFold::partyState).toList();
        return new CommitmentSummary(
                agreed.commitmentId().value(),
                agreed.partnershipId().value(),
                agreed.area().value(),
                agreed.title(),
                agreed.description(),
                parties,
                CommitmentStatus.AGREED,
                agreed.target(),
                agreed.source(),
                agreed.occurredOn(),
                List.of(),
                agreed.date(),
                applied.recordedAt(),
                applied.sequence());
    }

    private static PartyState partyState(Party party) {
        return new PartyState(
                party.country().value(),
                party.agencies().stream().map(agency -> agency.value()).toList(),
                null,
                null);
    }

    private static CommitmentSummary confirmed(CommitmentSummary current, CommitmentConfirmed event) {
        List<PartyState> parties = withParty(
                current,
                event.actor().country(),
                p -> p.confirmedOn() != null
                        ? p
                        : new PartyState(p.country(), p.agencies(), event.occurredOn(), p.markedCompleteOn()));
        boolean allConfirmed = parties.stream().allMatch(p -> p.confirmedOn() != null);
        CommitmentStatus status = current.status() == CommitmentStatus.AGREED && allConfirmed
                ? CommitmentStatus.CONFIRMED
                : current.status();
        return with(current, parties, status, current.target(), current.workshops());
    }

    private static CommitmentSummary markedComplete(CommitmentSummary current, CommitmentMarkedComplete event) {
        List<PartyState> parties = withParty(
                current,
                event.actor().country(),
                p -> p.markedCompleteOn() != null
                        ? p
                        : new PartyState(p.country(), p.agencies(), p.confirmedOn(), event.occurredOn()));
        return with(current, parties, current.status(), current.target(), current.workshops());
    }

    private static List<PartyState> withParty(
            CommitmentSummary current, CountryCode country, UnaryOperator<PartyState> change) {
        List<PartyState> parties = new ArrayList<>(current.parties());
        for (int i = 0; i < parties.size(); i++) {
            if (parties.get(i).country().equals(country.value())) {
                parties.set(i, change.apply(parties.get(i)));
                return List.copyOf(parties);
            }
        }
        throw new IllegalArgumentException(
                country + " is not a party to commitment " + current.commitmentId() + ", whose parties are "
                        + current.parties().stream().map(PartyState::country).toList());
    }

    private static CommitmentSummary workshopScheduled(CommitmentSummary current, WorkshopScheduled event) {
        String workshopId = event.workshopId().value();
        if (current.workshops().stream().anyMatch(w -> w.workshopId().equals(workshopId))) {
            throw new IllegalArgumentException(
                    "workshop " + workshopId + " of commitment " + current.commitmentId() + " is already scheduled");
        }
        List<WorkshopView> workshops = new ArrayList<>(current.workshops());
        workshops.add(new WorkshopView(
                workshopId,
                event.title(),
                event.window().start(),
                event.window().end(),
                event.format() == null ? null : event.format().name(),
                event.location(),
                event.host() == null ? null : event.host().value(),
                SCHEDULED,
                null,
                null));
        return with(current, current.parties(), current.status(), current.target(), List.copyOf(workshops));
    }

    private static CommitmentSummary withWorkshop(
            CommitmentSummary current, WorkshopId workshopId, UnaryOperator<WorkshopView> change) {
        List<WorkshopView> workshops = new ArrayList<>(current.workshops());
        for (int i = 0; i < workshops.size(); i++) {
            if (workshops.get(i).workshopId().equals(workshopId.value())) {
                workshops.set(i, change.apply(workshops.get(i)));
                return with(current, current.parties(), current.status(), current.target(), List.copyOf(workshops));
            }
        }
        throw new IllegalArgumentException(
                "workshop " + workshopId + " was never scheduled under commitment " + current.commitmentId());
    }

    private static WorkshopView withState(
            WorkshopView w, String state, @Nullable LocalDate heldOn, @Nullable String outcome) {
        return new WorkshopView(
                w.workshopId(),
                w.title(),
                w.start(),
                w.end(),
                w.format(),
                w.location(),
                w.host(),
                state,
                heldOn,
                outcome);
    }

    private static CommitmentSummary with(
            CommitmentSummary s,
            List<PartyState> parties,
            CommitmentStatus status,
            @Nullable PartialDate target,
            List<WorkshopView> workshops) {
        return new CommitmentSummary(
                s.commitmentId(),
                s.partnershipId(),
                s.area(),
                s.title(),
                s.description(),
                parties,
                status,
                target,
                s.source(),
                s.agreedOn(),
                workshops,
                s.lastActivityOn(),
                s.lastRecordedAt(),
                s.version());
    }

    private static CommitmentSummary withAgreedOn(CommitmentSummary s, PartialDate agreedOn) {
        return new CommitmentSummary(
                s.commitmentId(),
                s.partnershipId(),
                s.area(),
                s.title(),
                s.description(),
                s.parties(),
                s.status(),
                s.target(),
                s.source(),
                agreedOn,
                s.workshops(),
                s.lastActivityOn(),
                s.lastRecordedAt(),
                s.version());
    }

    /**
     * The newest event's marks: the latest world date seen (a later day, or a date that starts later; a day beats the
     * year or quarter it falls in), and when and at which sequence it was recorded.
     */
    private static CommitmentSummary stamped(CommitmentSummary s, CommitmentEvent event, AppliedEvent applied) {
        PartialDate lastActivityOn = s.lastActivityOn() == null || isLater(event.date(), s.lastActivityOn())
                ? event.date()
                : s.lastActivityOn();
        return new CommitmentSummary(
                s.commitmentId(),
                s.partnershipId(),
                s.area(),
                s.title(),
                s.description(),
                s.parties(),
                s.status(),
                s.target(),
                s.source(),
                s.agreedOn(),
                s.workshops(),
                lastActivityOn,
                applied.recordedAt(),
                applied.sequence());
    }

    /**
     * Whether {@code date} replaces {@code than} as the newest activity: it starts later (2022-03-05 after 2022), or on
     * the same day and is finer (2022-01-01 after 2022), so the newest date is also the most precise one known.
     */
    private static boolean isLater(PartialDate date, PartialDate than) {
        return date.firstDay().isAfter(than.firstDay())
                || date.firstDay().equals(than.firstDay()) && date.compareTo(than) < 0;
    }

    private static String describe(AppliedEvent applied) {
        return applied.eventId() + " (sequence " + applied.sequence() + ")";
    }
}
