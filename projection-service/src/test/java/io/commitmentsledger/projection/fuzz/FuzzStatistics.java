package io.commitmentsledger.projection.fuzz;

import io.commitmentsledger.web.problems.RawHttp.Response;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** What a run sent and got back: counted per service and status, per problem type and per generator case. */
final class FuzzStatistics {

    private final long started = System.nanoTime();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> problemTypes = new TreeMap<>();
    private final Map<String, Integer> kinds = new TreeMap<>();
    private int requests;

    void count(FuzzRequest request, Response response, @Nullable String problemType) {
        requests++;
        statuses.merge(request.service() + " " + response.status(), 1, Integer::sum);
        if (problemType != null) {
            problemTypes.merge(problemType, 1, Integer::sum);
        }
        // the case without the command it was applied to, so that the list stays short
        kinds.merge(request.kind().replaceAll(" (in|on) [a-z-]+$", ""), 1, Integer::sum);
    }

    int requests() {
        return requests;
    }

    String report(long events, int commitments) {
        StringBuilder text = new StringBuilder()
                .append("Fuzz run: ")
                .append(requests)
                .append(" generated requests in ")
                .append(Duration.ofNanos(System.nanoTime() - started).toSeconds())
                .append(" s; ")
                .append(events)
                .append(" events recorded on ")
                .append(commitments)
                .append(" commitments\nstatus per service:\n");
        statuses.forEach((status, count) ->
                text.append("  ").append(status).append(": ").append(count).append('\n'));
        text.append("problem types:\n");
        problemTypes.forEach((type, count) ->
                text.append("  ").append(type).append(": ").append(count).append('\n'));
        text.append("generator cases:\n");
        kinds.forEach((kind, count) ->
                text.append("  ").append(kind).append(": ").append(count).append('\n'));
        return text.toString();
    }
}
