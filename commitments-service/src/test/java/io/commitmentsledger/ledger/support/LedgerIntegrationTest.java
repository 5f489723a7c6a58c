package io.commitmentsledger.ledger.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port against a real PostgreSQL: the embedded default, freshly initialised under
 * {@code target/}. Tests sharing this annotation share one application context and one database, so each test
 * works on commitments of its own ({@link LedgerClient#uniqueId}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.embedded-postgres.data-directory=target/it-postgres",
            "ledger.embedded-postgres.clean-start=true"
        })
public @interface LedgerIntegrationTest {}
