package io.commitmentsledger.benchmarks.streams;

import java.net.URI;
import java.util.function.Supplier;

/**
 * A running ledger, as the stream benchmark reaches it: the broker and the event topic, both services' PostgreSQL
 * (JDBC URLs such as {@code jdbc:postgresql://localhost:<port>/postgres?user=postgres}), both services' base URLs, and
 * where fresh tokens come from (they last minutes; the benchmark asks again for each request).
 *
 * @param storeJdbcUrl commitments-service's database, which holds the event store
 * @param projectionJdbcUrl projection-service's database, which holds the read model
 */
public record StreamTarget(
        String kafkaBootstrapServers,
        String eventTopic,
        String storeJdbcUrl,
        String projectionJdbcUrl,
        URI commitmentsService,
        URI projectionService,
        Supplier<String> adminToken,
        Supplier<String> auditorToken) {}
