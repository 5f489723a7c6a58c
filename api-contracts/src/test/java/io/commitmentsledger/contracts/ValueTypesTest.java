package io.commitmentsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @Test
    void acceptsSlugIds() {
        assertThat(new CommitmentId("jpuk-2024-semiconductor-workshop").toString())
                .isEqualTo("jpuk-2024-semiconductor-workshop");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "a", "Upper-Case", "double--hyphen", "-leading", "trailing-", "with space", "under_score"})
    void rejectsIdsThatAreNotSlugs(String id) {
        assertThatThrownBy(() -> new CommitmentId(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsCountriesOutsideIso3166() {
        assertThat(new CountryCode("GB").value()).isEqualTo("GB");
        assertThatThrownBy(() -> new CountryCode("UK")).hasMessageContaining("ISO 3166-1 alpha-2");
        assertThatThrownBy(() -> new CountryCode("jp")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAndWritesActingAgenciesAsCountrySlashAgency() {
        ActingAgency meti = ActingAgency.parse("JP/METI");

        assertThat(meti.country()).isEqualTo(new CountryCode("JP"));
        assertThat(meti.agency()).isEqualTo(new AgencyCode("METI"));
        assertThat(meti.toString()).isEqualTo("JP/METI");
        assertThatThrownBy(() -> ActingAgency.parse("JP-METI")).hasMessageContaining("COUNTRY/AGENCY");
        assertThatThrownBy(() -> ActingAgency.parse("JP/METI/X")).hasMessageContaining("COUNTRY/AGENCY");
        assertThatThrownBy(() -> ActingAgency.parse("JP/meti")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsWhichAgenciesActForAParty() {
        Party japan = new Party(new CountryCode("JP"), List.of(new AgencyCode("METI"), new AgencyCode("MIC")));

        assertThat(japan.actsThrough(ActingAgency.parse("JP/MIC"))).isTrue();
        assertThat(japan.actsThrough(ActingAgency.parse("JP/DIGITAL"))).isFalse();
        assertThat(japan.actsThrough(ActingAgency.parse("GB/METI"))).isFalse();
    }

    @Test
    void rejectsAPartyWithoutAgenciesOrWithRepeats() {
        CountryCode japan = new CountryCode("JP");
        assertThatThrownBy(() -> new Party(japan, List.of())).hasMessageContaining("at least one agency");
        assertThatThrownBy(() -> new Party(japan, List.of(new AgencyCode("METI"), new AgencyCode("METI"))))
                .hasMessageContaining("must not repeat");
    }

    @Test
    void spansQuartersFromFirstToLastDay() {
        Quarter q1 = Quarter.parse("2024-Q1");

        assertThat(q1.firstDay()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(q1.lastDay()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Quarter.parse("2024-Q4").lastDay()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(q1.toString()).isEqualTo("2024-Q1");
        assertThatThrownBy(() -> Quarter.parse("2024-Q5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAWindowEndingBeforeItStarts() {
        assertThat(DateWindow.on(LocalDate.of(2024, 2, 20)).end()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThatThrownBy(() -> new DateWindow(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 1)))
                .hasMessageContaining("before its start");
    }

    @Test
    void acceptsOnlyWebAddressesAsSources() {
        assertThat(new SourceReference(" Outcome ", URI.create("https://www.meti.go.jp/"), null).title())
                .isEqualTo("Outcome");
        assertThatThrownBy(() -> new SourceReference("Outcome", URI.create("ftp://example.org/x"), null))
                .hasMessageContaining("http");
        assertThatThrownBy(() -> new SourceReference(" ", null, null)).hasMessageContaining("blank");
    }
}
