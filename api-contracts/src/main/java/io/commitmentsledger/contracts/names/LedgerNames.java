package io.commitmentsledger.contracts.names;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The display names of partnerships (and their areas), countries (and their agencies): what pages show instead of
 * slugs and codes, and what commitments-service accepts in an agreement. It is configuration, {@code ledger.names} in
 * both services (defaults in {@code ledger-names.yml}), so that adding a partnership or an agency needs no new code:
 *
 * <pre>{@code
 * ledger.names:
 *   partnerships:
 *     jp-uk-digital-partnership:
 *       name: Japan–UK Digital Partnership
 *       areas: {semiconductors: Semiconductors}
 *   countries:
 *     JP:
 *       name: Japan
 *       agencies: {METI: "Ministry of Economy, Trade and Industry"}
 * }</pre>
 *
 * <p>Slugs and codes stay in URLs, the API and events; names are never recorded, so renaming one changes no fact.
 */
public record LedgerNames(Map<String, Partnership> partnerships, Map<String, Country> countries) {

    /** A partnership's name and the names of its areas, by area slug. */
    public record Partnership(String name, Map<String, String> areas) {

        public Partnership {
            name = Checks.text(name, "partnership name", Checks.TITLE_LENGTH);
            areas = checkedNames(areas == null ? Map.of() : areas, "area", Area::new);
        }
    }

    /** A country's name and the names of its agencies, by agency code. */
    public record Country(String name, Map<String, String> agencies) {

        public Country {
            name = Checks.text(name, "country name", Checks.TITLE_LENGTH);
            agencies = checkedNames(agencies == null ? Map.of() : agencies, "agency", AgencyCode::new);
        }
    }

    /**
     * @throws IllegalArgumentException naming the first key that is not a valid slug or code, or the first blank name
     */
    public LedgerNames {
        partnerships = checkedKeys(partnerships == null ? Map.of() : partnerships, "partnership", PartnershipId::new);
        countries = checkedKeys(countries == null ? Map.of() : countries, "country", CountryCode::new);
    }

    public static LedgerNames none() {
        return new LedgerNames(Map.of(), Map.of());
    }

    /** The partnership's name; its slug when it is not registered (a ledger shows what it holds, named or not). */
    public String partnership(PartnershipId id) {
        Partnership partnership = partnerships.get(id.value());
        return partnership == null ? id.value() : partnership.name();
    }

    /** The area's name within its partnership; its slug when it is not registered. */
    public String area(PartnershipId partnership, Area area) {
        Partnership named = partnerships.get(partnership.value());
        String name = named == null ? null : named.areas().get(area.value());
        return name == null ? area.value() : name;
    }

    /** The country's name; its code when it is not registered. */
    public String country(CountryCode country) {
        Country named = countries.get(country.value());
        return named == null ? country.value() : named.name();
    }

    /** The agency's own name, such as "Ministry of Economy, Trade and Industry"; its code when it is not registered. */
    public String agency(CountryCode country, AgencyCode agency) {
        Country named = countries.get(country.value());
        String name = named == null ? null : named.agencies().get(agency.value());
        return name == null ? agency.value() : name;
    }

    /** The agency with its country, such as "Ministry of Economy, Trade and Industry (Japan)". */
    public String agency(ActingAgency actor) {
        return agency(actor.country(), actor.agency()) + " (" + country(actor.country()) + ")";
    }

    /**
     * What an agreement names that is not registered, one sentence each, such as "area 'quantum' is not an area of
     * partnership 'jp-uk-digital-partnership'"; empty when everything is.
     */
    public List<String> unregistered(PartnershipId partnership, Area area, List<Party> parties) {
        List<String> problems = new ArrayList<>();
        Partnership named = partnerships.get(partnership.value());
        if (named == null) {
            problems.add("partnership '" + partnership + "' is not registered; registered: " + partnerships.keySet());
        } else if (!named.areas().containsKey(area.value())) {
            problems.add("area '" + area + "' is not an area of partnership '" + partnership + "'; its areas: "
                    + named.areas().keySet());
        }
        for (Party party : parties) {
            Country country = countries.get(party.country().value());
            if (country == null) {
                problems.add("country '" + party.country() + "' is not registered; registered: " + countries.keySet());
                continue;
            }
            for (AgencyCode agency : party.agencies()) {
                if (!country.agencies().containsKey(agency.value())) {
                    problems.add("agency '" + agency + "' is not registered for " + party.country() + "; registered: "
                            + country.agencies().keySet());
                }
            }
        }
        return List.copyOf(problems);
    }

    /** The names sorted by key, each key checked by {@code check} and each name checked as one line of text. */
    private static Map<String, String> checkedNames(Map<String, String> names, String what, Function<String, ?> check) {
        Map<String, String> sorted = new TreeMap<>();
        names.forEach((key, name) -> {
            checkKey(key, what, check);
            sorted.put(key, Checks.text(name, what + " name of '" + key + "'", Checks.TITLE_LENGTH));
        });
        return Collections.unmodifiableMap(sorted);
    }

    private static <V> Map<String, V> checkedKeys(
            Map<String, @Nullable V> entries, String what, Function<String, ?> check) {
        Map<String, V> sorted = new TreeMap<>();
        entries.forEach((key, value) -> {
            checkKey(key, what, check);
            sorted.put(key, Checks.required(value, what + " '" + key + "'"));
        });
        return Collections.unmodifiableMap(sorted);
    }

    private static void checkKey(String key, String what, Function<String, ?> check) {
        try {
            check.apply(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ledger.names: " + what + " key '" + key + "': " + e.getMessage(), e);
        }
    }
}
