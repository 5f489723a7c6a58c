package io.commitmentsledger.ledger.commitment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The JSON bodies agency systems post. Fields are read as plain strings so that every bad field can be reported at
 * once ({@link CommandConversion}); the OpenAPI schema states their formats.
 */
final class CommandRequests {

    private CommandRequests() {}

    private static final String ACTING_AGENCY = "Who acts, written COUNTRY/AGENCY; must act for one of the parties";

    @Schema(name = "AgreeCommitmentRequest", description = "Both parties agreed a commitment")
    record Agree(
            @Schema(
                    description = "Slug chosen by the client; the server makes one from the title when absent",
                    example = "jpuk-2024-semiconductor-workshop",
                    requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            String commitmentId,

            @Schema(example = "jp-uk-digital-partnership") String partnershipId,
            @Schema(example = "semiconductors") String area,

            @Schema(example = "Industry-academia-government semiconductor workshop")
            String title,

            @Schema(
                    example = "Explore further semiconductor cooperation initiatives",
                    requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            String description,

            @Schema(description = "Exactly two parties of different countries")
            List<PartyBody> parties,

            TargetBody target,
            @Schema(format = "date", example = "2024-01-16") String agreedOn,
            SourceBody source,

            @Schema(description = ACTING_AGENCY, example = "JP/METI")
            String actingAgency) {}

    @Schema(name = "Party")
    record PartyBody(
            @Schema(description = "ISO 3166-1 alpha-2", example = "JP")
            String country,

            @Schema(example = "[\"METI\"]") List<String> agencies) {}

    @Schema(name = "Target", description = "Either a date or a quarter")
    record TargetBody(
            @Schema(format = "date", example = "2024-03-31", requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            String date,

            @Schema(example = "2024-Q1", requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            String quarter) {}

    @Schema(name = "SourceReference")
    record SourceBody(
            @Schema(example = "Japan-UK Digital Partnership outcome document")
            String title,

            @Schema(format = "uri", example = "https://www.meti.go.jp/english/press/2024/0116_002.html")
            String url,

            @Schema(example = "2(2)") String section) {}

    @Schema(name = "Dates", description = "A single date, a window of days or a quarter: exactly one of the three")
    record WhenBody(
            @Schema(format = "date", example = "2024-02-20") String date,
            @Schema(format = "date") String start,
            @Schema(format = "date") String end,
            @Schema(example = "2024-Q1") String quarter) {}

    @Schema(name = "ConfirmCommitmentRequest")
    record Confirm(
            @Schema(format = "date", example = "2024-01-16") String confirmedOn,

            @Schema(description = ACTING_AGENCY, example = "GB/DSIT")
            String actingAgency) {}

    @Schema(name = "ScheduleWorkshopRequest")
    record ScheduleWorkshop(
            @Schema(example = "semiconductor-workshop-2024-q1")
            String workshopId,

            @Schema(example = "Japan-UK semiconductor industry-academia-government workshop")
            String title,

            @Schema(description = "When the workshop is to be held")
            WhenBody when,

            @Schema(allowableValues = {"IN_PERSON", "ONLINE", "HYBRID"})
            String format,

            @Schema(example = "London", requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            String location,

            @Schema(description = "Country of the hosting party", example = "GB")
            String host,

            @Schema(format = "date", example = "2024-01-16") String scheduledOn,

            @Schema(description = ACTING_AGENCY, example = "GB/DSIT")
            String actingAgency) {}

    @Schema(name = "RescheduleWorkshopRequest")
    record RescheduleWorkshop(
            WhenBody when,

            @Schema(allowableValues = {"IN_PERSON", "ONLINE", "HYBRID"})
            String format,

            String location,
            String reason,
            @Schema(format = "date") String rescheduledOn,
            @Schema(description = ACTING_AGENCY) String actingAgency) {}

    @Schema(name = "CancelWorkshopRequest")
    record CancelWorkshop(
            String reason,
            @Schema(format = "date") String cancelledOn,
            @Schema(description = ACTING_AGENCY) String actingAgency) {}

    @Schema(name = "WorkshopOutcomeRequest")
    record WorkshopOutcome(
            @Schema(format = "date") String heldOn,

            @Schema(description = "A short outcome of the workshop")
            String outcome,

            @Schema(description = ACTING_AGENCY) String actingAgency) {}

    @Schema(name = "ProgressReportRequest")
    record ProgressReport(
            String note,

            @Schema(format = "uri", requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            String evidence,

            @Schema(format = "date") String reportedOn,
            @Schema(description = ACTING_AGENCY) String actingAgency) {}

    @Schema(name = "CompletionRequest")
    record Completion(
            @Schema(format = "date") String completedOn,

            @Schema(description = "What shows the commitment is fulfilled, in words or as a link")
            String evidence,

            @Schema(description = ACTING_AGENCY) String actingAgency) {}

    @Schema(name = "AmendmentRequest")
    record Amendment(
            TargetBody target,
            String reason,
            @Schema(format = "date") String amendedOn,
            @Schema(description = ACTING_AGENCY) String actingAgency) {}

    @Schema(name = "WithdrawalRequest")
    record Withdrawal(
            String reason,
            @Schema(format = "date") String withdrawnOn,
            @Schema(description = ACTING_AGENCY) String actingAgency) {}
}
