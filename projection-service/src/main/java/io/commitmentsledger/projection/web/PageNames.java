package io.commitmentsledger.projection.web;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.names.LedgerNames;
import io.commitmentsledger.projection.summary.PartyState;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Names instead of slugs and codes, as the pages show them ({@link LedgerNames}); templates use it as {@code @names}.
 * What is not registered, or is not even a valid slug or code, shows as it was recorded.
 */
@Component("names")
public class PageNames {

    private static final Pattern ACTOR = Pattern.compile("\\b[A-Z]{2}/[A-Z][A-Z0-9-]*\\b");

    private final LedgerNames names;

    PageNames(LedgerNames names) {
        this.names = names;
    }

    /** "Japan–UK Digital Partnership" for {@code jp-uk-digital-partnership}. */
    public String partnership(String partnershipId) {
        return named(partnershipId, () -> names.partnership(new PartnershipId(partnershipId)));
    }

    /** "Semiconductors" for {@code semiconductors} within its partnership. */
    public String area(String partnershipId, String area) {
        return named(area, () -> names.area(new PartnershipId(partnershipId), new Area(area)));
    }

    /** "Japan" for {@code JP}. */
    public String country(String country) {
        return named(country, () -> names.country(new CountryCode(country)));
    }

    /** "Ministry of Economy, Trade and Industry (Japan)" for {@code JP/METI}. */
    public String actor(String actor) {
        return named(actor, () -> names.agency(ActingAgency.parse(actor)));
    }

    /** The agency's own name, "Ministry of Economy, Trade and Industry" for {@code METI} of {@code JP}. */
    public String agency(String country, String agency) {
        return named(agency, () -> names.agency(new CountryCode(country), new AgencyCode(agency)));
    }

    /** A party's agencies by name: "Ministry of Economy, Trade and Industry; Digital Agency". */
    public String agencies(PartyState party) {
        return party.agencies().stream().map(a -> agency(party.country(), a)).collect(Collectors.joining("; "));
    }

    /** A party with its agencies: "Japan (Ministry of Economy, Trade and Industry; Digital Agency)". */
    public String party(PartyState party) {
        String agencies = agencies(party);
        return agencies.isEmpty() ? country(party.country()) : country(party.country()) + " (" + agencies + ")";
    }

    /** The parties' countries: "Japan and United Kingdom". */
    public String countries(List<PartyState> parties) {
        List<String> countries = parties.stream().map(p -> country(p.country())).toList();
        if (countries.size() <= 1) {
            return String.join("", countries);
        }
        return String.join(", ", countries.subList(0, countries.size() - 1)) + " and "
                + countries.get(countries.size() - 1);
    }

    /**
     * A line the read model wrote (a timeline entry's summary), its agency codes such as {@code JP/METI} replaced by
     * the agencies' names where they are registered.
     */
    public String inText(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return ACTOR.matcher(text).replaceAll(match -> Matcher.quoteReplacement(actor(match.group())));
    }

    private static String named(@Nullable String recorded, Supplier<String> name) {
        try {
            return name.get();
        } catch (IllegalArgumentException notASlugOrCode) {
            return String.valueOf(recorded);
        }
    }
}
