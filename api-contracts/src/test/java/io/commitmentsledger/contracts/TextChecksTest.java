package io.commitmentsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text the ledger accepts is text every part of it (PostgreSQL, Kafka consumers, screens) can store and show. */
class TextChecksTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "NUL\u0000inside",
                "bell\u0007",
                "escape\u001B[31m",
                "delete\u007F",
                "next line\u0085",
                "C1\u009F",
                "line\nbreak",
                "carriage\rreturn",
                "tab\tinside",
                "lone high \uD800 surrogate",
                "lone low \uDC00 surrogate",
                "reversed \uDC00\uD800 pair",
                "non-character \uFFFE",
                "non-character \uFFFF",
                "non-character \uFDD0",
                "plane 1 non-character \uD83F\uDFFF"
            })
    void refusesControlCharactersAndNonCharactersInOneLineText(String text) {
        assertThatThrownBy(() -> Checks.text(text, "title", 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("title must not contain");
        assertThatThrownBy(() -> Checks.optionalText(text, "title", 200)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"NUL\u0000inside", "vertical\u000Btab", "form\u000Cfeed", "lone\rreturn", "\u0085", "\uD800"})
    void refusesControlCharactersOtherThanLineBreaksAndTabsInProse(String text) {
        assertThatThrownBy(() -> Checks.prose("prose " + text, "note", 4000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("note must not contain");
    }

    @Test
    void keepsLineBreaksAndTabsInProse() {
        String prose = "First line\nsecond line\r\n\tindented line";

        assertThat(Checks.prose(prose, "note", 4000)).isEqualTo(prose);
        assertThat(Checks.optionalProse(prose, "description", 4000)).isEqualTo(prose);
        assertThat(Checks.optionalProse(null, "description", 4000)).isNull();
    }

    @Test
    void acceptsTextInAnyScriptAndCharactersOutsideTheBasicPlane() {
        String text = "日英半導体ワークショップ 🙂 Ελληνικά";

        assertThat(Checks.text(text, "title", 200)).isEqualTo(text);
        assertThat(Checks.prose(text, "note", 4000)).isEqualTo(text);
    }

    @Test
    void namesTheCharacterItRefuses() {
        assertThatThrownBy(() -> Checks.text("NUL\u0000inside", "title", 200)).hasMessageContaining("U+0000");
    }

    @Test
    void readsASourceReferenceRecordedBeforeTheCharacterRuleExisted() {
        SourceReference recorded = new SourceReference("Outcome\u0000", null, "2(2)\u0007");

        assertThat(recorded.title()).isEqualTo("Outcome\u0000");
        assertThat(recorded.section()).isEqualTo("2(2)\u0007");
    }

    @Test
    void checksTheCharactersOfAWebAddress() {
        assertThatThrownBy(
                        () -> Checks.optionalHttpUrl(java.net.URI.create("https://example.org/\uFFFF"), "source url"))
                .hasMessageStartingWith("source url must not contain");
    }
}
