package io.commitmentsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventRevision;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Events read and write as plain JSON with nothing but this module and Jackson, as a subscriber would use them. */
class EventJsonTest {

    private final ObjectMapper json = JsonMapper.builder().build();

    private static final CommitmentAgreed AGREED = new CommitmentAgreed(
            new CommitmentId("jpuk-2024-semiconductor-workshop"),
            new PartnershipId("jp-uk-digital-partnership"),
            new Area("semiconductors"),
            "Industry-academia-government semiconductor workshop",
            null,
            List.of(
                    new Party(new CountryCode("JP"), List.of(new AgencyCode("METI"))),
                    new Party(new CountryCode("GB"), List.of(new AgencyCode("DSIT")))),
            PartialDate.parse("2024-Q1"),
            new SourceReference("Outcome document", URI.create("https://www.meti.go.jp/"), "2(2)"),
            ActingAgency.parse("JP/METI"),
            PartialDate.parse("2024-01-16"));

    @Test
    void writesValueTypesAsTheirPlainTextForms() {
        String text = json.writeValueAsString(AGREED);

        assertThat(text)
                .contains("\"commitmentId\":\"jpuk-2024-semiconductor-workshop\"")
                .contains("\"target\":\"2024-Q1\"")
                .contains("\"actor\":\"JP/METI\"")
                .contains("\"occurredOn\":\"2024-01-16\"")
                .contains("{\"country\":\"JP\",\"agencies\":[\"METI\"]}");
    }

    @Test
    void readsBackWhatItWrote() {
        assertThat(json.readValue(json.writeValueAsString(AGREED), CommitmentAgreed.class))
                .isEqualTo(AGREED);
        WorkshopScheduled scheduled = new WorkshopScheduled(
                AGREED.commitmentId(),
                new WorkshopId("semiconductor-workshop"),
                "Workshop",
                new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)),
                WorkshopFormat.IN_PERSON,
                null,
                new CountryCode("GB"),
                ActingAgency.parse("GB/DSIT"),
                LocalDate.of(2024, 1, 16));
        assertThat(json.readValue(json.writeValueAsString(scheduled), WorkshopScheduled.class))
                .isEqualTo(scheduled);
    }

    @Test
    void everyEventTypeCarriesARevision() {
        assertThat(CommitmentEvent.class.getPermittedSubclasses())
                .hasSize(12)
                .allSatisfy(type -> assertThat(type.getAnnotation(EventRevision.class))
                        .as(type.getSimpleName())
                        .isNotNull());
    }
}
