package io.commitmentsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class PartialDateTest {

    @ParameterizedTest
    @CsvSource({
        "2022,       YEAR,    2022-01-01, 2022-12-31",
        "2024-Q1,    QUARTER, 2024-01-01, 2024-03-31",
        "2024-Q4,    QUARTER, 2024-10-01, 2024-12-31",
        "2024-02,    MONTH,   2024-02-01, 2024-02-29",
        "2024-01-16, DAY,     2024-01-16, 2024-01-16"
    })
    void each_form_keeps_its_precision_and_spans_its_days(
            String text, PartialDate.Precision precision, LocalDate first, LocalDate last) {
        PartialDate date = PartialDate.parse(text);

        assertThat(date.precision()).isEqualTo(precision);
        assertThat(date.firstDay()).isEqualTo(first);
        assertThat(date.lastDay()).isEqualTo(last);
        assertThat(date).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "22", "2024-Q5", "2024-13", "2024-02-30", "2024-1-5", "2024-01-16T00:00", "1899", " 2024"})
    void anything_else_is_refused_naming_the_four_forms(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> PartialDate.parse(text));
    }

    @Test
    void only_a_day_is_a_day() {
        assertThat(PartialDate.parse("2024-01-16").asDay()).isEqualTo(LocalDate.of(2024, 1, 16));
        assertThatIllegalStateException()
                .isThrownBy(() -> PartialDate.parse("2022").asDay())
                .withMessageContaining("2022 is a year");
    }

    @Test
    void the_same_text_is_the_same_date_and_finer_dates_sort_first() {
        assertThat(PartialDate.parse("2024-Q1")).isEqualTo(PartialDate.quarter(Quarter.parse("2024-Q1")));
        assertThat(PartialDate.parse("2024-01")).isNotEqualTo(PartialDate.parse("2024-Q1"));
        assertThat(Stream.of("2024", "2024-Q1", "2024-01", "2024-01-01", "2023")
                        .map(PartialDate::parse)
                        .sorted()
                        .map(PartialDate::toString))
                .containsExactly("2023", "2024-01-01", "2024-01", "2024-Q1", "2024");
    }

    @Test
    void json_is_the_text() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.writeValueAsString(PartialDate.parse("2024-Q1"))).isEqualTo("\"2024-Q1\"");
        assertThat(json.readValue("\"2022\"", PartialDate.class)).isEqualTo(PartialDate.year(2022));
    }
}
