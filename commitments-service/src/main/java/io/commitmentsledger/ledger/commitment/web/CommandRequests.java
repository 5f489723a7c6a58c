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
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.WorkshopId;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

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
            String description,

            @ArraySchema(
                    arraySchema = @Schema(description = "Exactly two parties of different countries"),
                    minItems = 2,
                    maxItems = 2)
            List<PartyBody> parties,

            TargetBody target,

            @Schema(format = "date", example = "2024-01-16", maxLength = DATE_LENGTH)
            String agreedOn,

            SourceBody source,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    example = "JP/METI",
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
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

    @Schema(name = "Target", description = "Either a date or a quarter")
    record TargetBody(
            @Schema(format = "date", example = "2024-03-31", maxLength = DATE_LENGTH, requiredMode = NOT_REQUIRED)
            String date,

            @Schema(example = "2024-Q1", maxLength = 7, pattern = QUARTER, requiredMode = NOT_REQUIRED)
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
            String url,

            @Schema(example = "2(2)", maxLength = SOURCE_SECTION_LENGTH, requiredMode = NOT_REQUIRED)
            String section) {}

    @Schema(name = "Dates", description = "A single date, a window of days or a quarter: exactly one of the three")
    record WhenBody(
            @Schema(format = "date", example = "2024-02-20", maxLength = DATE_LENGTH, requiredMode = NOT_REQUIRED)
            String date,

            @Schema(format = "date", maxLength = DATE_LENGTH, requiredMode = NOT_REQUIRED)
            String start,

            @Schema(format = "date", maxLength = DATE_LENGTH, requiredMode = NOT_REQUIRED)
            String end,

            @Schema(example = "2024-Q1", maxLength = 7, pattern = QUARTER, requiredMode = NOT_REQUIRED)
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
            String format,

            @Schema(example = "London", maxLength = LOCATION_LENGTH, requiredMode = NOT_REQUIRED)
            String location,

            @Schema(
                    description = "Country of the hosting party",
                    example = "GB",
                    maxLength = 2,
                    pattern = COUNTRY,
                    requiredMode = NOT_REQUIRED)
            String host,

            @Schema(format = "date", example = "2024-01-16", maxLength = DATE_LENGTH)
            String scheduledOn,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    example = "GB/DSIT",
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
            String actingAgency) {}

    @Schema(name = "RescheduleWorkshopRequest")
    record RescheduleWorkshop(
            WhenBody when,

            @Schema(allowableValues = {"IN_PERSON", "ONLINE", "HYBRID"})
            String format,

            @Schema(maxLength = LOCATION_LENGTH, requiredMode = NOT_REQUIRED)
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
            String actingAgency) {}

    @Schema(name = "ProgressReportRequest")
    record ProgressReport(
            @Schema(minLength = 1, maxLength = NOTE_LENGTH) String note,

            @Schema(
                    description = "An absolute http or https address",
                    format = "uri",
                    maxLength = BODY_BOUND,
                    requiredMode = NOT_REQUIRED)
            String evidence,

            @Schema(format = "date", maxLength = DATE_LENGTH)
            String reportedOn,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
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
            String actingAgency) {}

    @Schema(name = "AmendmentRequest")
    record Amendment(
            TargetBody target,

            @Schema(minLength = 1, maxLength = REASON_LENGTH)
            String reason,

            @Schema(format = "date", maxLength = DATE_LENGTH)
            String amendedOn,

            @Schema(
                    description = ACTING_AGENCY,
                    requiredMode = NOT_REQUIRED,
                    maxLength = ACTING_AGENCY_LENGTH,
                    pattern = ACTING_AGENCY_FORMAT)
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
            String actingAgency) {}
}
