package io.commitmentsledger.projection.web;

import io.commitmentsledger.projection.store.ReadModelQueries.AreaCount;
import io.commitmentsledger.projection.store.ReadModelQueries.PartyCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where a partnership stands, per area and overall: how many commitments were agreed, how many each party's country
 * has confirmed, how many were completed or withdrawn, and how many are overdue (open past a real target), with the
 * bars of the chart that draws those numbers. Built from counts the read model answers in SQL.
 *
 * @param countries the parties' countries (codes), by name
 * @param areas one row per area, by area name
 * @param overall the sum of the areas
 */
record PartnershipProgress(List<Country> countries, List<Row> areas, Row overall) {

    /** A party's country: its code and name. */
    record Country(String code, String name) {}

    /** One bar of the chart: what it counts, how many, and its length as a share of the longest possible. */
    record Bar(String label, long count, double percent, String kind) {}

    /**
     * One area's numbers (or the partnership's, for the overall row).
     *
     * @param area the area's slug; empty for the overall row
     */
    record Row(
            String area,
            String name,
            long agreed,
            Map<String, Long> confirmedBy,
            Map<String, Long> markedCompleteBy,
            long completed,
            long withdrawn,
            long overdue) {

        public long confirmedBy(String country) {
            return confirmedBy.getOrDefault(country, 0L);
        }

        public long markedCompleteBy(String country) {
            return markedCompleteBy.getOrDefault(country, 0L);
        }

        /** The chart's bars, in the order of the table's columns. */
        public List<Bar> bars(List<Country> countries) {
            List<Bar> bars = new ArrayList<>();
            bars.add(bar("Agreed", agreed, "agreed"));
            for (Country country : countries) {
                bars.add(bar("Confirmed by " + country.name(), confirmedBy(country.code()), "confirmed"));
            }
            bars.add(bar("Completed", completed, "completed"));
            bars.add(bar("Withdrawn", withdrawn, "withdrawn"));
            bars.add(bar("Overdue", overdue, "overdue"));
            return bars;
        }

        /** The bars in one sentence, for those who do not see the chart. */
        public String description(List<Country> countries) {
            List<String> parts = new ArrayList<>();
            for (Bar bar : bars(countries)) {
                parts.add(bar.label() + " " + bar.count());
            }
            return name + ": " + String.join(", ", parts);
        }

        private Bar bar(String label, long count, String kind) {
            return new Bar(label, count, agreed == 0 ? 0 : Math.round(1000.0 * count / agreed) / 10.0, kind);
        }
    }

    static PartnershipProgress of(
            List<AreaCount> statusCounts,
            List<PartyCount> partyCounts,
            Function<String, String> areaName,
            Function<String, String> countryName) {
        Map<String, long[]> byArea = new LinkedHashMap<>(); // agreed, completed, withdrawn, overdue
        for (AreaCount count : statusCounts) {
            long[] numbers = byArea.computeIfAbsent(count.area(), a -> new long[4]);
            numbers[0] += count.commitments();
            if ("COMPLETED".equals(count.status())) {
                numbers[1] += count.commitments();
            }
            if ("WITHDRAWN".equals(count.status())) {
                numbers[2] += count.commitments();
            }
            numbers[3] += count.overdue();
        }
        Map<String, Map<String, Long>> confirmed = new TreeMap<>();
        Map<String, Map<String, Long>> marked = new TreeMap<>();
        Map<String, Country> countries = new TreeMap<>();
        for (PartyCount count : partyCounts) {
            confirmed.computeIfAbsent(count.area(), a -> new TreeMap<>()).put(count.country(), count.confirmed());
            marked.computeIfAbsent(count.area(), a -> new TreeMap<>()).put(count.country(), count.markedComplete());
            countries.computeIfAbsent(count.country(), c -> new Country(c, countryName.apply(c)));
        }
        List<Row> areas = new ArrayList<>();
        byArea.forEach((area, n) -> areas.add(new Row(
                area,
                areaName.apply(area),
                n[0],
                confirmed.getOrDefault(area, Map.of()),
                marked.getOrDefault(area, Map.of()),
                n[1],
                n[2],
                n[3])));
        areas.sort(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER));
        Map<String, Long> allConfirmed = new TreeMap<>();
        Map<String, Long> allMarked = new TreeMap<>();
        for (Row row : areas) {
            row.confirmedBy().forEach((c, n) -> allConfirmed.merge(c, n, Long::sum));
            row.markedCompleteBy().forEach((c, n) -> allMarked.merge(c, n, Long::sum));
        }
        Row overall = new Row(
                "",
                "All areas",
                areas.stream().mapToLong(Row::agreed).sum(),
                allConfirmed,
                allMarked,
                areas.stream().mapToLong(Row::completed).sum(),
                areas.stream().mapToLong(Row::withdrawn).sum(),
                areas.stream().mapToLong(Row::overdue).sum());
        List<Country> byName = countries.values().stream()
                .sorted(Comparator.comparing(Country::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new PartnershipProgress(byName, List.copyOf(areas), overall);
    }
}
