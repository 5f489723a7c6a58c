package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Where a fact is written down: a document's title, and optionally its address and the section that says it. Checked
 * for shape only, as it is read back from recorded events too; the command API applies the character rules to input.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceReference(
        String title, @Nullable URI url, @Nullable String section) {

    public SourceReference {
        title = Checks.recordedText(title, "source title", Checks.SOURCE_TITLE_LENGTH);
        Checks.optionalRecordedHttpUrl(url, "source url");
        section = Checks.optionalRecordedText(section, "source section", Checks.SOURCE_SECTION_LENGTH);
    }
}
