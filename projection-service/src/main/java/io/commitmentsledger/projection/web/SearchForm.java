package io.commitmentsledger.projection.web;

import io.commitmentsledger.projection.store.CommitmentFilter;
import io.commitmentsledger.projection.summary.CommitmentStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The search page's form, as submitted: the same parameters as the API's {@code GET /api/v1/commitments}
 * ({@code partnership}, {@code area}, {@code party}, {@code status}, {@code overdue}, {@code q}, {@code page},
 * {@code size}), read as text so that a value that cannot be used becomes a message on the page rather than an error.
 */
record SearchForm(
        @Nullable String partnership,
        @Nullable String area,
        @Nullable String party,
        @Nullable String status,
        @Nullable String overdue,
        @Nullable String q,
        @Nullable String page,
        @Nullable String size) {

    static final int DEFAULT_SIZE = 20;
    static final int LARGEST_SIZE = 100;

    /** A value that cannot be used, and why, in words for the reader. */
    record Problem(String parameter, String message) {}

    SearchForm {
        partnership = blankless(partnership);
        area = blankless(area);
        party = blankless(party);
        status = blankless(status);
        overdue = blankless(overdue);
        q = blankless(q);
        page = blankless(page);
        size = blankless(size);
    }

    /** What cannot be used, one message per parameter; empty when the whole form can. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (status != null && statusValue() == null) {
            problems.add(new Problem(
                    "status", "Status \"" + status + "\" is not one of AGREED, CONFIRMED, COMPLETED, WITHDRAWN."));
        }
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            problems.add(new Problem("overdue", "Overdue must be true, false or left empty, not \"" + overdue + "\"."));
        }
        if (page != null && (number(page) == null || number(page) < 0)) {
            problems.add(new Problem("page", "Page must be a whole number, 0 or more, not \"" + page + "\"."));
        }
        if (size != null && (number(size) == null || number(size) < 1 || number(size) > LARGEST_SIZE)) {
            problems.add(new Problem(
                    "size", "Size must be a whole number from 1 to " + LARGEST_SIZE + ", not \"" + size + "\"."));
        }
        if (party != null && party.length() > 10) {
            problems.add(new Problem("party", "Party must be a country code such as JP."));
        }
        return problems;
    }

    /** The filter the API's list uses too; only for a form without problems. */
    CommitmentFilter filter() {
        return new CommitmentFilter(
                partnership,
                area,
                party == null ? null : party.toUpperCase(Locale.ROOT),
                statusValue(),
                overdue == null ? null : Boolean.valueOf(overdue),
                q);
    }

    int pageNumber() {
        Integer number = page == null ? null : number(page);
        return number == null || number < 0 ? 0 : number;
    }

    int pageSize() {
        Integer number = size == null ? null : number(size);
        return number == null || number < 1 || number > LARGEST_SIZE ? DEFAULT_SIZE : number;
    }

    /** Whether anything narrows the search. */
    public boolean narrowed() {
        return partnership != null || area != null || party != null || status != null || overdue != null || q != null;
    }

    /** This search's address at another page, keeping every filter. */
    String at(int otherPage) {
        Map<String, String> query = parameters();
        if (otherPage > 0) {
            query.put("page", Integer.toString(otherPage));
        }
        if (size != null) {
            query.put("size", size);
        }
        StringBuilder uri = new StringBuilder("/commitments");
        query.forEach((name, value) -> uri.append(uri.indexOf("?") < 0 ? '?' : '&')
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return uri.toString();
    }

    /** The filters that are set, by name, in the form's order. */
    private Map<String, String> parameters() {
        Map<String, String> set = new LinkedHashMap<>();
        put(set, "q", q);
        put(set, "partnership", partnership);
        put(set, "area", area);
        put(set, "party", party);
        put(set, "status", status);
        put(set, "overdue", overdue);
        return set;
    }

    private static void put(Map<String, String> set, String name, @Nullable String value) {
        if (value != null) {
            set.put(name, value);
        }
    }

    private @Nullable CommitmentStatus statusValue() {
        if (status == null) {
            return null;
        }
        try {
            return CommitmentStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable Integer number(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String blankless(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
