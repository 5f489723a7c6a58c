package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who acted: an agency and the country it acts for, written {@code COUNTRY/AGENCY} such as {@code JP/METI}. */
public record ActingAgency(CountryCode country, AgencyCode agency) {

    public ActingAgency {
        Checks.required(country, "acting agency's country");
        Checks.required(agency, "acting agency's agency");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ActingAgency parse(String text) {
        Checks.required(text, "acting agency");
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            throw new IllegalArgumentException("acting agency must be written COUNTRY/AGENCY, such as 'JP/METI'");
        }
        return new ActingAgency(new CountryCode(text.substring(0, slash)), new AgencyCode(text.substring(slash + 1)));
    }

    @JsonValue
    @Override
    public String toString() {
        return country + "/" + agency;
    }
}
