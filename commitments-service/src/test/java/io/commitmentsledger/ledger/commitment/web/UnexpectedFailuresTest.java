package io.commitmentsledger.ledger.commitment.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.commitmentsledger.ledger.LedgerConfiguration;
import io.commitmentsledger.ledger.commitment.application.CommandSubmission;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.web.LedgerAccess;
import io.commitmentsledger.security.LedgerSecurityAutoConfiguration;
import io.commitmentsledger.security.testing.TestIssuer;
import java.sql.SQLException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures the integration tests cannot provoke on purpose: a rogue writer taking a sequence number between the
 * advisory lock and the insert, and a bug. Both must still answer a problem response, never a stack trace.
 */
@WebMvcTest(CommitmentCommandsController.class)
@Import({CommandConversion.class, LedgerConfiguration.class, LedgerAccess.class})
@ImportAutoConfiguration(LedgerSecurityAutoConfiguration.class)
class UnexpectedFailuresTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandSubmission submission;

    @Test
    void answersAConcurrencyConflictWith409AndAskForARetry() throws Exception {
        given(submission.submit(any())).willThrow(new ConcurrencyException("sequence 3 already taken"));

        mvc.perform(post("/api/v1/commitments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", TestIssuer.agency("JP/METI"))
                        .content(LedgerClient.agreeBody("jpuk-2024-semiconductor-workshop")))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://commitments-ledger.dev/problems/concurrent-modification"));
    }

    /** What a fault run saw when PostgreSQL was killed mid-command: the rollback failed on the closed connection. */
    @Test
    void answersADatabaseThatDiedMidCommandWith503() throws Exception {
        TransactionSystemException rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(
                new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01"));
        given(submission.submit(any())).willThrow(rollbackFailed);

        mvc.perform(post("/api/v1/commitments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", TestIssuer.agency("JP/METI"))
                        .content(LedgerClient.agreeBody("jpuk-2024-semiconductor-workshop")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.type").value("https://commitments-ledger.dev/problems/database-unavailable"));
    }

    @Test
    void answersABugWith500WithoutRevealingInternals() throws Exception {
        given(submission.submit(any())).willThrow(new IllegalStateException("secret detail"));

        mvc.perform(post("/api/v1/commitments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", TestIssuer.agency("JP/METI"))
                        .content(LedgerClient.agreeBody("jpuk-2024-semiconductor-workshop")))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://commitments-ledger.dev/problems/internal-error"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
    }
}
