package io.commitmentsledger.ledger.commitment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
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
import io.commitmentsledger.contracts.names.LedgerNames;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * A bilateral commitment, rebuilt from its events. Each command handler checks the rules first and applies events
 * last; only the event sourcing handlers change state. Handlers answer the commitment's version after the command,
 * the sequence number of its newest event. Its repository ({@code commitmentRepository}) keeps recently used
 * commitments in memory between commands; state changes only in the event sourcing handlers, so a commitment brought up
 * to date with newer events is the same as one replayed from the start.
 */
@Aggregate(repository = "commitmentRepository")
public class Commitment {

    private enum WorkshopState {
        SCHEDULED,
        CANCELLED,
        HELD
    }

    // Null only while the first command runs, before CommitmentAgreed sets them.
    @AggregateIdentifier
    private @Nullable CommitmentId commitmentId;

    private @Nullable List<Party> parties;
    private @Nullable PartialDate agreedOn;
    // Null when the source sets no target, or it was withdrawn.
    private @Nullable PartialDate target;
    // The first day any fact after the agreement happened on; null while there is none.
    private @Nullable LocalDate earliestFact;
    private final Set<CountryCode> confirmedBy = new HashSet<>();
    private final Set<CountryCode> markedCompleteBy = new HashSet<>();
    private final Set<CountryCode> withdrawnBy = new HashSet<>();
    private final Map<WorkshopId, WorkshopState> workshops = new HashMap<>();
    private boolean completed;

    protected Commitment() {
        // for Axon, which rebuilds the commitment from its events
    }

    /**
     * Creates the commitment: Axon makes a new instance for it, and storing its first event fails if the id is taken.
     * What it names must be in the ledger's names registry ({@code names}, a Spring bean Axon injects), checked once
     * the caller is known to act for a party.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public CommandOutcome handle(AgreeCommitmentCommand command, LedgerNames names) {
        actingAgencyActsForAParty(command.parties(), command.actor());
        namesAreRegistered(names, command);
        apply(new CommitmentAgreed(
                command.commitmentId(),
                command.partnershipId(),
                command.area(),
                command.title(),
                command.description(),
                command.parties(),
                command.target(),
                command.source(),
                command.actor(),
                command.agreedOn()));
        return recorded();
    }

    @CommandHandler
    public CommandOutcome handle(ConfirmCommitmentCommand command) {
        if (isRepeat(command, command.actor(), command.confirmedOn(), confirmedBy)) {
            return unchanged();
        }
        checkOpenCommand(command, command.actor(), command.confirmedOn());
        apply(new CommitmentConfirmed(commitmentId, command.actor(), command.confirmedOn()));
        return recorded();
    }

    @CommandHandler
    public CommandOutcome handle(ScheduleWorkshopCommand command) {
        checkOpenCommand(command, command.actor(), command.scheduledOn());
        workshopIdsAreUnique(command.workshopId());
        workshopHostIsAParty(command.host());
        apply(new WorkshopScheduled(
                commitmentId,
                command.workshopId(),
                command.title(),
                command.window(),
                command.format(),
                command.location(),
                command.host(),
                command.actor(),
                command.scheduledOn()));
        return recorded();
    }

    @CommandHandler
    public CommandOutcome handle(RescheduleWorkshopCommand command) {
        checkOpenCommand(command, command.actor(), command.rescheduledOn());
        onlyScheduledWorkshopsChange(command.workshopId());
        apply(new WorkshopRescheduled(
                commitmentId,
                command.workshopId(),
                command.window(),
                command.format(),
                command.location(),
                command.reason(),
                command.actor(),
                command.rescheduledOn()));
        return recorded();
    }

    @CommandHandler
    public CommandOutcome handle(CancelWorkshopCommand command) {
        checkOpenCommand(command, command.actor(), command.cancelledOn());
        onlyScheduledWorkshopsChange(command.workshopId());
        apply(new WorkshopCancelled(
                commitmentId, command.workshopId(), command.reason(), command.actor(), command.cancelledOn()));
        return recorded();
    }

    @CommandHandler
    public CommandOutcome handle(RecordWorkshopOutcomeCommand command) {
        checkOpenCommand(command, command.actor(), command.heldOn());
        onlyScheduledWorkshopsChange(command.workshopId());
        apply(new WorkshopHeld(
                commitmentId, command.workshopId(), command.outcome(), command.actor(), command.heldOn()));
        return recorded();
    }

    @CommandHandler
    public CommandOutcome handle(ReportProgressCommand command) {
        checkOpenCommand(command, command.actor(), command.reportedOn());
        apply(new ProgressReported(
                commitmentId, command.note(), command.evidence(), command.actor(), command.reportedOn()));
        return recorded();
    }

    @CommandHandler
    public CommandOutcome handle(MarkCommitmentCompleteCommand command) {
        if (isRepeat(command, command.actor(), command.completedOn(), markedCompleteBy)) {
            return unchanged();
        }
        checkOpenCommand(command, command.actor(), command.completedOn());
        completionRequiresBothConfirmations();
        apply(new CommitmentMarkedComplete(commitmentId, command.evidence(), command.actor(), command.completedOn()));
        if (markedCompleteBy.size() == parties.size()) {
            apply(new CommitmentCompleted(commitmentId, command.actor(), command.completedOn()));
        }
        return recorded();
    }

    @CommandHandler
    public CommandOutcome handle(AmendTargetCommand command) {
        checkOpenCommand(command, command.actor(), command.amendedOn());
        amendmentChangesTheTarget(command.target());
        apply(new TargetAmended(
                commitmentId, target, command.target(), command.reason(), command.actor(), command.amendedOn()));
        return recorded();
    }

    @CommandHandler
    public CommandOutcome handle(CorrectAgreementDateCommand command) {
        checkOpenCommand(command, command.actor(), command.correctedOn());
        correctionChangesTheAgreementDate(command.agreedOn());
        factsFollowTheCorrectedAgreement(command.agreedOn(), command.correctedOn());
        apply(new AgreementDateCorrected(
                commitmentId, agreedOn, command.agreedOn(), command.reason(), command.actor(), command.correctedOn()));
        return recorded();
    }

    @CommandHandler
    public CommandOutcome handle(WithdrawCommitmentCommand command) {
        if (isRepeat(command, command.actor(), command.withdrawnOn(), withdrawnBy)) {
            return unchanged();
        }
        checkOpenCommand(command, command.actor(), command.withdrawnOn());
        apply(new CommitmentWithdrawn(commitmentId, command.reason(), command.actor(), command.withdrawnOn()));
        return recorded();
    }

    // --- rules: each throws CommitmentRuleViolation naming itself and the current state ---

    /**
     * The checks every command on an existing commitment passes, in the order a caller can best act on; whether the
     * caller may act on it at all comes first, so that a caller who may not learns nothing of its state or version.
     */
    private void checkOpenCommand(VersionedCommand command, ActingAgency actor, LocalDate occurredOn) {
        actingAgencyActsForAParty(parties, actor);
        expectedVersionMatches(command.expectedVersion());
        closedCommitmentsDoNotChange();
        factsFollowTheAgreement(occurredOn);
    }

    /**
     * Whether the acting party already did what the command asks (confirmed, marked complete or withdrew): a repeat,
     * such as a retry after a lost response, changes nothing and is answered without a new event, even once that very
     * command closed the commitment. A repeat must still pass every check but the closed one.
     */
    private boolean isRepeat(
            VersionedCommand command, ActingAgency actor, LocalDate occurredOn, Set<CountryCode> alreadyDoneBy) {
        actingAgencyActsForAParty(parties, actor);
        if (!alreadyDoneBy.contains(actor.country())) {
            return false;
        }
        expectedVersionMatches(command.expectedVersion());
        factsFollowTheAgreement(occurredOn);
        return true;
    }

    private void expectedVersionMatches(@Nullable ExpectedVersion expected) {
        if (expected != null && !expected.matches(version())) {
            throw new VersionMismatch(expected, version());
        }
    }

    private void closedCommitmentsDoNotChange() {
        if (status().isClosed()) {
            throw violation(
                    CommitmentRule.CLOSED_COMMITMENTS_DO_NOT_CHANGE, "commitment " + commitmentId + " is closed");
        }
    }

    private void actingAgencyActsForAParty(List<Party> parties, ActingAgency actor) {
        if (parties.stream().noneMatch(party -> party.actsThrough(actor))) {
            // A refusal of the caller (403), not a verdict on the commitment: it carries no status or version.
            throw new CommitmentRuleViolation(
                    CommitmentRule.ACTING_AGENCY_ACTS_FOR_A_PARTY,
                    null,
                    null,
                    actor + " does not act for "
                            + parties.stream()
                                    .map(party -> party.country() + " ("
                                            + String.join(
                                                    ", ",
                                                    party.agencies().stream()
                                                            .map(Object::toString)
                                                            .toList())
                                            + ")")
                                    .toList());
        }
    }

    /** A fact may happen on any day from the first day of the agreement date on: in 2022 from 2022-01-01. */
    private void factsFollowTheAgreement(LocalDate occurredOn) {
        if (occurredOn.isBefore(agreedOn.firstDay())) {
            throw violation(
                    CommitmentRule.FACTS_FOLLOW_THE_AGREEMENT,
                    occurredOn + " is before the agreement " + agreementText(agreedOn));
        }
    }

    /** A correction may not put the agreement after a fact already recorded, nor after the correction itself. */
    private void factsFollowTheCorrectedAgreement(PartialDate corrected, LocalDate correctedOn) {
        String precedes = null;
        if (earliestFact != null && earliestFact.isBefore(corrected.firstDay())) {
            precedes = "a fact recorded as happening on " + earliestFact;
        } else if (correctedOn.isBefore(corrected.firstDay())) {
            precedes = "the correction itself, on " + correctedOn;
        }
        if (precedes != null) {
            throw violation(
                    CommitmentRule.FACTS_FOLLOW_THE_AGREEMENT,
                    "an agreement " + agreementText(corrected) + " would follow " + precedes);
        }
    }

    private static String agreementText(PartialDate agreedOn) {
        return agreedOn.isDay() ? "on " + agreedOn : "in " + agreedOn + " (from " + agreedOn.firstDay() + ")";
    }

    private void namesAreRegistered(LedgerNames names, AgreeCommitmentCommand command) {
        List<String> unregistered = names.unregistered(command.partnershipId(), command.area(), command.parties());
        if (!unregistered.isEmpty()) {
            throw new NamesNotRegistered(unregistered);
        }
    }

    private void completionRequiresBothConfirmations() {
        if (confirmedBy.size() < parties.size()) {
            throw violation(
                    CommitmentRule.COMPLETION_REQUIRES_BOTH_CONFIRMATIONS,
                    "confirmed so far by " + (confirmedBy.isEmpty() ? "no party" : confirmedBy));
        }
    }

    private void workshopIdsAreUnique(WorkshopId workshopId) {
        if (workshops.containsKey(workshopId)) {
            throw violation(
                    CommitmentRule.WORKSHOP_IDS_ARE_UNIQUE,
                    "workshop " + workshopId + " is already " + workshops.get(workshopId));
        }
    }

    private void workshopHostIsAParty(CountryCode host) {
        if (host != null && parties.stream().noneMatch(party -> party.country().equals(host))) {
            throw violation(CommitmentRule.WORKSHOP_HOST_IS_A_PARTY, host + " is not a party");
        }
    }

    private void onlyScheduledWorkshopsChange(WorkshopId workshopId) {
        WorkshopState state = workshops.get(workshopId);
        if (state == null) {
            throw new WorkshopNotFound(commitmentId, workshopId);
        }
        if (state != WorkshopState.SCHEDULED) {
            throw violation(CommitmentRule.ONLY_SCHEDULED_WORKSHOPS_CHANGE, "workshop " + workshopId + " is " + state);
        }
    }

    private void amendmentChangesTheTarget(@Nullable PartialDate newTarget) {
        if (Objects.equals(newTarget, target)) {
            throw violation(
                    CommitmentRule.AMENDMENT_CHANGES_THE_TARGET,
                    target == null ? "the commitment has no target to withdraw" : "the target is already " + target);
        }
    }

    private void correctionChangesTheAgreementDate(PartialDate corrected) {
        if (corrected.equals(agreedOn)) {
            throw violation(
                    CommitmentRule.CORRECTION_CHANGES_THE_AGREEMENT_DATE, "the agreement date is already " + agreedOn);
        }
    }

    private CommitmentRuleViolation violation(CommitmentRule rule, String detail) {
        boolean recorded = commitmentId != null;
        return new CommitmentRuleViolation(rule, recorded ? status() : null, recorded ? version() : null, detail);
    }

    CommitmentStatus status() {
        if (!withdrawnBy.isEmpty()) {
            return CommitmentStatus.WITHDRAWN;
        }
        if (completed) {
            return CommitmentStatus.COMPLETED;
        }
        return parties != null && confirmedBy.size() == parties.size()
                ? CommitmentStatus.CONFIRMED
                : CommitmentStatus.AGREED;
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }

    private CommandOutcome recorded() {
        return new CommandOutcome(commitmentId, version(), true);
    }

    private CommandOutcome unchanged() {
        return new CommandOutcome(commitmentId, version(), false);
    }

    // --- state changes, from events only ---

    @EventSourcingHandler
    void on(CommitmentAgreed event) {
        commitmentId = event.commitmentId();
        parties = event.parties();
        agreedOn = event.occurredOn();
        target = event.target();
    }

    /**
     * The facts that change no state here (progress reports, reschedulings). Axon invokes only the most specific
     * handler of an event, so each handler below notes its fact itself.
     */
    @EventSourcingHandler
    void on(CommitmentEvent event) {
        noteFact(event);
    }

    /** The earliest day any fact after the agreement happened on bounds a correction of the agreement date. */
    private void noteFact(CommitmentEvent event) {
        LocalDate day = event.date().firstDay();
        if (earliestFact == null || day.isBefore(earliestFact)) {
            earliestFact = day;
        }
    }

    @EventSourcingHandler
    void on(CommitmentConfirmed event) {
        noteFact(event);
        confirmedBy.add(event.actor().country());
    }

    @EventSourcingHandler
    void on(WorkshopScheduled event) {
        noteFact(event);
        workshops.put(event.workshopId(), WorkshopState.SCHEDULED);
    }

    @EventSourcingHandler
    void on(WorkshopCancelled event) {
        noteFact(event);
        workshops.put(event.workshopId(), WorkshopState.CANCELLED);
    }

    @EventSourcingHandler
    void on(WorkshopHeld event) {
        noteFact(event);
        workshops.put(event.workshopId(), WorkshopState.HELD);
    }

    @EventSourcingHandler
    void on(CommitmentMarkedComplete event) {
        noteFact(event);
        markedCompleteBy.add(event.actor().country());
    }

    @EventSourcingHandler
    void on(CommitmentCompleted event) {
        noteFact(event);
        completed = true;
    }

    @EventSourcingHandler
    void on(TargetAmended event) {
        noteFact(event);
        target = event.newTarget();
    }

    @EventSourcingHandler
    void on(AgreementDateCorrected event) {
        noteFact(event);
        agreedOn = event.agreedOn();
    }

    @EventSourcingHandler
    void on(CommitmentWithdrawn event) {
        noteFact(event);
        withdrawnBy.add(event.actor().country());
    }
}
