package io.commitmentsledger.contracts.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerNamesTest {

    private static final LedgerNames NAMES = new LedgerNames(
            Map.of(
                    "jp-uk-digital-partnership",
                    new LedgerNames.Partnership(
                            "Japan–UK Digital Partnership", Map.of("semiconductors", "Semiconductors"))),
            Map.of(
                    "JP",
                    new LedgerNames.Country("Japan", Map.of("METI", "Ministry of Economy, Trade and Industry")),
                    "GB",
                    new LedgerNames.Country(
                            "United Kingdom", Map.of("DSIT", "Department for Science, Innovation and Technology"))));

    private static final PartnershipId JP_UK = new PartnershipId("jp-uk-digital-partnership");

    @Test
    void names_replace_slugs_and_codes() {
        assertThat(NAMES.partnership(JP_UK)).isEqualTo("Japan–UK Digital Partnership");
        assertThat(NAMES.area(JP_UK, new Area("semiconductors"))).isEqualTo("Semiconductors");
        assertThat(NAMES.country(new CountryCode("GB"))).isEqualTo("United Kingdom");
        assertThat(NAMES.agency(ActingAgency.parse("JP/METI")))
                .isEqualTo("Ministry of Economy, Trade and Industry (Japan)");
    }

    @Test
    void what_is_not_registered_shows_as_its_slug_or_code() {
        assertThat(NAMES.partnership(new PartnershipId("fr-de"))).isEqualTo("fr-de");
        assertThat(NAMES.area(JP_UK, new Area("quantum"))).isEqualTo("quantum");
        assertThat(NAMES.agency(ActingAgency.parse("FR/DGE"))).isEqualTo("DGE (FR)");
    }

    @Test
    void an_agreement_naming_only_registered_things_passes() {
        assertThat(NAMES.unregistered(
                        JP_UK, new Area("semiconductors"), List.of(party("JP", "METI"), party("GB", "DSIT"))))
                .isEmpty();
    }

    @Test
    void each_unregistered_name_of_an_agreement_is_reported() {
        assertThat(NAMES.unregistered(JP_UK, new Area("quantum"), List.of(party("JP", "MIC"), party("FR", "DGE"))))
                .containsExactly(
                        "area 'quantum' is not an area of partnership 'jp-uk-digital-partnership'; its areas: [semiconductors]",
                        "agency 'MIC' is not registered for JP; registered: [METI]",
                        "country 'FR' is not registered; registered: [GB, JP]");
        assertThat(NAMES.unregistered(new PartnershipId("fr-de"), new Area("ai"), List.of()))
                .containsExactly("partnership 'fr-de' is not registered; registered: [jp-uk-digital-partnership]");
    }

    @Test
    void a_bad_key_or_a_blank_name_in_the_configuration_is_named() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LedgerNames(Map.of("UK", new LedgerNames.Partnership("UK", Map.of())), Map.of()))
                .withMessageContaining("ledger.names: partnership key 'UK'");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new LedgerNames(Map.of(), Map.of("UK", new LedgerNames.Country("United Kingdom", Map.of()))))
                .withMessageContaining("ledger.names: country key 'UK'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LedgerNames.Country("Japan", Map.of("METI", " ")))
                .withMessageContaining("agency name of 'METI'");
    }

    private static Party party(String country, String agency) {
        return new Party(new CountryCode(country), List.of(new AgencyCode(agency)));
    }
}
