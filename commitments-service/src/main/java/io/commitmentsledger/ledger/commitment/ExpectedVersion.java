package io.commitmentsledger.ledger.commitment;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The versions a conditional command may apply at: it applies if the commitment is at any of them. With none, no
 * version can match and the command is always refused (over HTTP: an {@code If-Match} of only weak entity tags,
 * which never match under the strong comparison RFC 9110 requires).
 */
public record ExpectedVersion(List<Long> anyOf) {

    public ExpectedVersion {
        anyOf = anyOf.stream().distinct().sorted().toList();
    }

    public static ExpectedVersion anyOf(long... versions) {
        return new ExpectedVersion(LongStream.of(versions).boxed().toList());
    }

    public static ExpectedVersion anyOf(Collection<Long> versions) {
        return new ExpectedVersion(List.copyOf(versions));
    }

    /** A condition no version meets. */
    public static ExpectedVersion none() {
        return new ExpectedVersion(List.of());
    }

    public boolean matches(long version) {
        return anyOf.contains(version);
    }

    @Override
    public String toString() {
        if (anyOf.isEmpty()) {
            return "no version it can match";
        }
        return (anyOf.size() == 1 ? "version " : "one of versions ")
                + anyOf.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
