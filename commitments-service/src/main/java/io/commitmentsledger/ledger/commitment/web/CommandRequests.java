package io.commitmentsledger.ledger.commitment.web;

import static io.commitmentsledger.contracts.Checks.DESCRIPTION_LENGTH;
import static io.commitmentsledger.contracts.Checks.LOCATION_LENGTH;
import static io.commitmentsledger.contracts.Checks.NOTE_LENGTH;
import static io.commitmentsledger.contracts.Checks.REASON_LENGTH;
import static io.commitmentsledger.contracts.Checks.SLUG_MIN_LENGTH;
import static io.commitmentsledger.contracts.Checks.SOURCE_SECTION_LENGTH;
import static io.commitmentsledger.contracts.Checks.SOURCE_TITLE_LENGTH;
import static io.commitmentsledger.contracts.Checks.TITLE_LENGTH;
import static io.commitmentsledger.ledger.web.ApiDocumentation.SLUG;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;

import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.WorkshopId;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The JSON bodies agency systems post. Fields are read as plain strings so that every bad field can be reported at
 * once ({@link CommandConversion}); the OpenAPI schema states their formats and limits, taken from the value types
 * that check them. Fields marked {@code NOT_REQUIRED} may be left out or sent as null; every other one is required
 * ({@code RecordSchemas}).
 */
final class CommandRequests {

    private CommandRequests() {}

    private static final String ACTING_AGENCY = "Optional: who acts, written COUNTRY/AGENCY. The ledger records the"
            + " agency the caller's token names; a body that names another is refused (403 actor-is-the-caller)";
    static final String COUNTRY = "^[A-Z]{2}$";
    static final String AGENCY = "^" + AgencyCode.FORMAT + "$";
    static final String ACTING_AGENCY_FORMAT = "^[A-Z]{2}/" + AgencyCode.FORMAT + "$";
    static final int ACTING_AGENCY_LENGTH = 3 + AgencyCode.MAX_LENGTH;
    static final String QUARTER = "^(19|2[0-9])[0-9]{2}-Q[1-4]$";
    /** YYYY-MM-DD. */
    static final int DATE_LENGTH = 10;
    /** What a target may be, in the schema's words; {@code CommandWebConfiguration} gives it its two forms. */
    static final String TARGET = "When the commitment is due, as precise as the source gives it: a year (2024), a"
            + " quarter (2024-Q1), a month (2024-03) or a day (2024-12-31); or, as older clients send it, {\"date\":"
            + " \"2024-12-31\"} or {\"quarter\": \"2024-Q1\"}. Absent or null when the source sets no date: the"
            + " commitment is then never overdue";
    /** A value the server bounds only by the request body's size (64 KiB). */
    static final int BODY_BOUND = 64 * 1024;

    @Schema(name = "AgreeCommitmentRequest", description = "Both parties agreed a commitment")
    record Agree(
            @Schema(
                    description = "Slug chosen by the client; the server makes one from the title when absent",
                    example = "jpuk-2024-semiconductor-workshop",
                    minLength = SLUG_MIN_LENGTH,
                    maxLength = CommitmentId.MAX_LENGTH,
                    pattern = SLUG,
                    requiredMode = NOT_REQUIRED)
            @Nullable
            String commitmentId,

            @Schema(
                    example = "jp-uk-digital-partnership",
                    minLength = SLUG_MIN_LENGTH,
                    maxLength = PartnershipId.MAX_LENGTH,
                    pattern = SLUG)
            String partnershipId,

            @Schema(
                    example = "semiconductors",
                    minLength = SLUG_MIN_LENGTH,
                    maxLength = Area.MAX_LENGTH,
                    pattern = SLUG)
            String area,

            @Schema(
                    example = "Industry-academia-government semiconductor workshop",
                    minLength = 1,
                    maxLength = TITLE_LENGTH)
            String title,

            @Schema(
                    example = "Explore further semiconductor cooperation initiatives",
                    maxLength = DESCRIPTION_LENGTH,
                    requiredMode = NOT_REQUIRED)
            @Nullable
            String description,

            @ArraySchema(
                    arraySchema = @Schema(description = "Exactly two parties of different countries"),
                    minItems = 2,
                    maxItems = 2)
            List<PartyBody> parties,

            @Schema(description = TARGET, requiredMode = NOT_REQUIRED) @Nullable
            JsonNode target,

            @Schema(
                    description = "When both parties agreed it, as precise as the source gives it: a year (2022), a"
                            + " quarter, a month or a day (2024-01-16); not in the future",
                    example = "2024-01-16",
                    maxLength = PartialDate.MAX_LENGTH,
                    pattern = PartialDate.FORMAT)
            String agreedOn,

            SourceBody source,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    example = "JP/METI",
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
            @Nullable
            String actingAgency) {}

    @Schema(name = "Party")
    record PartyBody(
            @Schema(description = "ISO 3166-1 alpha-2", example = "JP", maxLength = 2, pattern = COUNTRY)
            String country,

            @ArraySchema(
                    arraySchema = @Schema(description = "The agencies acting for the country, each once"),
                    schema = @Schema(example = "METI", maxLength = AgencyCode.MAX_LENGTH, pattern = AGENCY),
                    minItems = 1,
                    maxItems = BODY_BOUND / 4,
                    uniqueItems = true)
            List<String> agencies) {}

    @Schema(
            name = "Target",
            description = "A target as older clients write it: either a date or a quarter. The ledger records it as"
                    + " the date's text (2024-12-31, 2024-Q1)")
    record TargetBody(
            @Schema(format = "date", example = "2024-03-31", maxLength = DATE_LENGTH, requiredMode = NOT_REQUIRED)
            @Nullable
            String date,

            @Schema(example = "2024-Q1", maxLength = 7, pattern = QUARTER, requiredMode = NOT_REQUIRED) @Nullable
            String quarter) {}

    @Schema(name = "SourceReference")
    record SourceBody(
            @Schema(example = "Japan-UK Digital Partnership outcome document", maxLength = SOURCE_TITLE_LENGTH)
            String title,

            @Schema(
                    description = "An absolute http or https address",
                    format = "uri",
                    example = "https://www.meti.go.jp/english/press/2024/0116_002.html",
                    maxLength = BODY_BOUND,
                    requiredMode = NOT_REQUIRED)
            @Nullable
            String url,

            @Schema(example = "2(2)", maxLength = SOURCE_SECTION_LENGTH, requiredMode = NOT_REQUIRED) @Nullable
            String section) {}

    @Schema(name = "Dates", description = "A single date, a window of days or a quarter: exactly one of the three")
    record WhenBody(
            @Schema(format = "date", example = "2024-02-20", maxLength = DATE_LENGTH, requiredMode = NOT_REQUIRED)
            @Nullable
            String date,

            @Schema(format = "date", maxLength = DATE_LENGTH, requiredMode = NOT_REQUIRED) @Nullable
            String start,

            @Schema(format = "date", maxLength = DATE_LENGTH, requiredMode = NOT_REQUIRED) @Nullable
            String end,

            @Schema(example = "2024-Q1", maxLength = 7, pattern = QUARTER, requiredMode = NOT_REQUIRED) @Nullable
            String quarter) {}

    @Schema(name = "ConfirmCommitmentRequest")
    record Confirm(
            @Schema(format = "date", example = "2024-01-16", maxLength = DATE_LENGTH)
            String confirmedOn,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    example = "GB/DSIT",
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
            @Nullable
            String actingAgency) {}

    @Schema(name = "ScheduleWorkshopRequest")
    record ScheduleWorkshop(
            @Schema(
                    example = "semiconductor-workshop-2024-q1",
                    minLength = SLUG_MIN_LENGTH,
                    maxLength = WorkshopId.MAX_LENGTH,
                    pattern = SLUG)
            String workshopId,

            @Schema(
                    example = "Japan-UK semiconductor industry-academia-government workshop",
                    minLength = 1,
                    maxLength = TITLE_LENGTH)
            String title,

            @Schema(description = "When the workshop is to be held")
            WhenBody when,

            @Schema(
                    allowableValues = {"IN_PERSON", "ONLINE", "HYBRID"},
                    requiredMode = NOT_REQUIRED)
            @Nullable
            String format,

            @Schema(example = "London", maxLength = LOCATION_LENGTH, requiredMode = NOT_REQUIRED) @Nullable
            String location,

            @Schema(
                    description = "Country of the hosting party",
                    example = "GB",
                    maxLength = 2,
                    pattern = COUNTRY,
                    requiredMode = NOT_REQUIRED)
            @Nullable
            String host,

            @Schema(format = "date", example = "2024-01-16", maxLength = DATE_LENGTH)
            String scheduledOn,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    example = "GB/DSIT",
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
            @Nullable
            String actingAgency) {}

    @Schema(name = "RescheduleWorkshopRequest")
    record RescheduleWorkshop(
            WhenBody when,

            @Schema(allowableValues = {"IN_PERSON", "ONLINE", "HYBRID"})
            String format,

            @Schema(maxLength = LOCATION_LENGTH, requiredMode = NOT_REQUIRED) @Nullable
            String location,

            @Schema(minLength = 1, maxLength = REASON_LENGTH)
            String reason,

            @Schema(format = "date", maxLength = DATE_LENGTH)
            String rescheduledOn,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
            @Nullable
            String actingAgency) {}

    @Schema(name = "CancelWorkshopRequest")
    record CancelWorkshop(
            @Schema(minLength = 1, maxLength = REASON_LENGTH)
            String reason,

            @Schema(format = "date", maxLength = DATE_LENGTH)
            String cancelledOn,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
            @Nullable
            String actingAgency) {}

    @Schema(name = "WorkshopOutcomeRequest")
    record WorkshopOutcome(
            @Schema(format = "date", maxLength = DATE_LENGTH)
            String heldOn,

            @Schema(description = "A short outcome of the workshop", minLength = 1, maxLength = REASON_LENGTH)
            String outcome,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
            @Nullable
            String actingAgency) {}

    @Schema(name = "ProgressReportRequest")
    record ProgressReport(
            @Schema(minLength = 1, maxLength = NOTE_LENGTH) String note,

            @Schema(
                    description = "An absolute http or https address",
                    format = "uri",
                    maxLength = BODY_BOUND,
                    requiredMode = NOT_REQUIRED)
            @Nullable
            String evidence,

            @Schema(format = "date", maxLength = DATE_LENGTH)
            String reportedOn,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
            @Nullable
            String actingAgency) {}

    @Schema(name = "CompletionRequest")
    record Completion(
            @Schema(format = "date", maxLength = DATE_LENGTH)
            String completedOn,

            @Schema(
                    description = "What shows the commitment is fulfilled, in words or as a link",
                    minLength = 1,
                    maxLength = NOTE_LENGTH)
            String evidence,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
            @Nullable
            String actingAgency) {}

    @Schema(
            name = "AmendmentRequest",
            description = "Moves the target, sets one where there was none, or withdraws it (target absent or null)")
    record Amendment(
            @Schema(
                    description = "The new target, in either form the agreement takes (2024-Q2, or {\"quarter\":"
                            + " \"2024-Q2\"}); absent or null withdraws the target, such as one recorded without a"
                            + " source (reason: the source gives no date)",
                    requiredMode = NOT_REQUIRED)
            @Nullable
            JsonNode target,

            @Schema(description = "Why the target changes", minLength = 1, maxLength = REASON_LENGTH)
            String reason,

            @Schema(
                    description = "The day of the amendment; today (UTC) when absent",
                    format = "date",
                    example = "2024-06-30",
                    maxLength = DATE_LENGTH,
                    requiredMode = NOT_REQUIRED)
            @Nullable
            String amendedOn,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
            @Nullable
            String actingAgency) {}

    @Schema(
            name = "AgreementDateCorrectionRequest",
            description = "Corrects the recorded agreement date, such as an invented 2022-12-31 to the 2022 the source"
                    + " gives; the agreement stays as recorded")
    record AgreementDateCorrection(
            @Schema(
                    description = "The agreement date as the source gives it: a year, a quarter, a month or a day;"
                            + " not in the future, and different from the recorded one",
                    example = "2022",
                    maxLength = PartialDate.MAX_LENGTH,
                    pattern = PartialDate.FORMAT)
            String agreedOn,

            @Schema(
                    description = "Why the recorded date was wrong",
                    example = "The source says only that the Memorandum was concluded in 2022",
                    minLength = 1,
                    maxLength = REASON_LENGTH)
            String reason,

            @Schema(
                    description = "The day of the correction; today (UTC) when absent",
                    format = "date",
                    example = "2026-11-27",
                    maxLength = DATE_LENGTH,
                    requiredMode = NOT_REQUIRED)
            @Nullable
            String correctedOn,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
            @Nullable
            String actingAgency) {}

    @Schema(name = "WithdrawalRequest")
    record Withdrawal(
            @Schema(minLength = 1, maxLength = REASON_LENGTH)
            String reason,

            @Schema(format = "date", maxLength = DATE_LENGTH)
            String withdrawnOn,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
            @Nullable
            String actingAgency) {}
}
