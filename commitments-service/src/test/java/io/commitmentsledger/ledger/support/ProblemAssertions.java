package io.commitmentsledger.ledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient.Response;
import java.util.ArrayList;
import java.util.List;

/** What every refused request must look like: its status, RFC 9457 problem+json and a stable problem type. */
public final class ProblemAssertions {

    public static final String PROBLEMS = "https://commitments-ledger.dev/problems/";

    private ProblemAssertions() {}

    public static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + type);
    }

    /** The fields a 400 problem names in its {@code errors}. */
    public static List<String> fieldsNamed(Response response) {
        List<String> fields = new ArrayList<>();
        response.json()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
