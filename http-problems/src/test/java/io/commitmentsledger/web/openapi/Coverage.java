package io.commitmentsledger.web.openapi;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Keeps the {@link OpenApiContract} check from passing unnoticed: a test class fails if any response it received broke
 * the contract, even in a thread whose failure the test did not see; and at the end of the run, fewer checked
 * responses than the system property {@value #MINIMUM} asks for (1 when unset, or in a run of chosen tests,
 * {@code -Dit.test=...}) fail the run, so that a client that stopped checking cannot go unseen.
 */
public final class Coverage implements BeforeAllCallback, AfterAllCallback {

    public static final String MINIMUM = "openapi.contract.minimum-checked-responses";

    private static final Namespace NAMESPACE = Namespace.create(Coverage.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(EndOfRun.class, key -> new EndOfRun(), EndOfRun.class);
        context.getStore(NAMESPACE)
                .put("violations", OpenApiContract.violations().size());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        int before = context.getStore(NAMESPACE).get("violations", Integer.class);
        List<String> violations = OpenApiContract.violations();
        if (violations.size() > before) {
            throw new AssertionError(String.join("\n\n", violations.subList(before, violations.size())));
        }
    }

    /** The check at the end of the run, when JUnit closes the root store. */
    static final class EndOfRun implements AutoCloseable {

        @Override
        public void close() {
            int checked = OpenApiContract.checkedResponses();
            boolean chosenTests = System.getProperty("it.test") != null;
            int minimum = chosenTests ? 1 : Integer.getInteger(MINIMUM, 1);
            System.out.println("OpenAPI contract: " + checked + " responses checked against the served document");
            if (checked < minimum) {
                throw new AssertionError("only " + checked + " responses were checked against the OpenAPI document, "
                        + "fewer than the " + minimum + " expected: has a test client stopped checking?");
            }
        }
    }
}
