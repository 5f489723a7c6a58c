package io.commitmentsledger.ledger.support;

import io.commitmentsledger.web.openapi.Coverage;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The whole service on a random port against a real PostgreSQL (the embedded default, freshly initialised under
 * {@code target/}) and a real Kafka broker (KRaft, in the test JVM). Tests sharing this annotation share one
 * application context, one database and one broker, so each test works on commitments of its own ({@link
 * LedgerClient#uniqueId}). Every response their {@link LedgerClient} receives is checked against the served OpenAPI
 * document, and {@link Coverage} fails a class whose responses broke it and a run that checked too few.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.embedded-postgres.enabled=true",
            "ledger.embedded-postgres.data-directory=target/it-postgres",
            "ledger.embedded-postgres.clean-start=true",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"
        })
// No topics here: the service creates its own at start-up, as in production, so they keep every record and the
// eventTopics health component is UP (a broker-created topic would have the broker's 7-day retention).
@EmbeddedKafka(partitions = 3)
@ExtendWith(Coverage.class)
public @interface LedgerIntegrationTest {}
