package io.commitmentsledger.ledger.log;

import static io.commitmentsledger.ledger.support.LedgerClient.progressBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.MerkleTree;
import io.commitmentsledger.contracts.log.NoteSigner;
import io.commitmentsledger.contracts.log.NoteVerifier;
import io.commitmentsledger.contracts.log.VerificationFailure;
import io.commitmentsledger.ledger.CommitmentsServiceApplication;
import io.commitmentsledger.ledger.support.KafkaBrokerProcess;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.web.openapi.Coverage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signing key is rotated: the service restarts with key B and key A's verifier key among the previous ones. What
 * A signed stays verifiable with A, what comes after is signed by B, and B's first checkpoint extends A's last.
 * Starts its own applications one after the other on one database and broker (the {@code own-application} failsafe
 * execution: a JVM of its own).
 */
@ExtendWith(Coverage.class)
class LogKeyRotationIT {

    private static final String ORIGIN = "rotation.example/log";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static final KafkaBrokerProcess BROKER = KafkaBrokerProcess.format(Path.of(
                    "target/it-kafka-rotation-" + ProcessHandle.current().pid()))
            .start();

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    /** Command-line arguments: they take precedence over application.yml, as a deployment's settings do. */
    private static ConfigurableApplicationContext start(boolean cleanStart, String... keyArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--ledger.embedded-postgres.enabled=true",
                "--ledger.embedded-postgres.data-directory=target/it-postgres-rotation",
                "--ledger.embedded-postgres.clean-start=" + cleanStart,
                "--spring.kafka.bootstrap-servers=" + BROKER.bootstrapServers()));
        arguments.addAll(List.of(keyArguments));
        return new SpringApplicationBuilder(CommitmentsServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void whatTheOldKeySignedStaysVerifiableAndTheNewKeySignsWhatFollows() throws Exception {
        String keyA = NoteSigner.generate(ORIGIN);
        String keyB = NoteSigner.generate(ORIGIN);
        NoteVerifier verifierA = NoteSigner.parse(keyA).verifier();
        NoteVerifier verifierB = NoteSigner.parse(keyB).verifier();
        String id;
        long sizeA;
        try (ConfigurableApplicationContext a = start(true, "--ledger.log.signing-key=" + keyA)) {
            LedgerClient client = new LedgerClient(port(a));
            id = client.agreeNew("rotation");
            sizeA = awaitCheckpointOfAtLeast(a, 1);
        }

        try (ConfigurableApplicationContext b = start(
                false,
                "--ledger.log.signing-key=" + keyB,
                "--ledger.log.previous-verifier-keys=" + verifierA.verifierKey())) {
            LogKeys keys = b.getBean(LogKeys.class);
            assertThat(keys.verifiers())
                    .extracting(NoteVerifier::verifierKey)
                    .containsExactly(verifierB.verifierKey(), verifierA.verifierKey());

            Checkpoints checkpoints = b.getBean(Checkpoints.class);
            String noteA = checkpoints.at(sizeA).orElseThrow();
            Checkpoint checkpointA = Checkpoint.open(noteA, ORIGIN, keys.verifiers());
            Checkpoint.open(noteA, ORIGIN, List.of(verifierA));
            assertThatThrownBy(() -> Checkpoint.open(noteA, ORIGIN, List.of(verifierB)))
                    .isInstanceOf(VerificationFailure.class);

            LedgerClient client = new LedgerClient(port(b));
            var response = client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("after"));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            long sizeB = awaitCheckpointOfAtLeast(b, sizeA + 1);

            Checkpoint checkpointB = Checkpoint.open(checkpoints.at(sizeB).orElseThrow(), ORIGIN, List.of(verifierB));
            MerkleTree.verifyConsistency(
                    sizeA,
                    sizeB,
                    checkpointA.rootHash(),
                    checkpointB.rootHash(),
                    b.getBean(LogTree.class).consistencyProof(sizeA, sizeB));

            JdbcClient jdbc = b.getBean(JdbcClient.class);
            List<Object[]> entries = jdbc.sql("SELECT leaf_hash, leaf_signature, sequence_number FROM log_entry"
                            + " WHERE commitment_id = ? ORDER BY sequence_number")
                    .param(id)
                    .query((row, n) -> new Object[] {row.getBytes(1), row.getString(2), row.getLong(3)})
                    .list();
            assertThat(entries).hasSize(2);
            LeafSignature.verify((byte[]) entries.get(0)[0], (String) entries.get(0)[1], List.of(verifierA));
            LeafSignature.verify((byte[]) entries.get(1)[0], (String) entries.get(1)[1], List.of(verifierB));
            assertThatThrownBy(() -> LeafSignature.verify(
                            (byte[]) entries.get(1)[0], (String) entries.get(1)[1], List.of(verifierA)))
                    .isInstanceOf(VerificationFailure.class);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static long awaitCheckpointOfAtLeast(ConfigurableApplicationContext context, long size) {
        LogTree tree = context.getBean(LogTree.class);
        Checkpoints checkpoints = context.getBean(Checkpoints.class);
        await().atMost(WITHIN).until(() -> tree.size() >= size);
        long logSize = tree.size();
        await().atMost(WITHIN).until(() -> checkpoints.at(logSize).isPresent());
        return logSize;
    }
}
