package io.commitmentsledger.benchmarks.standin;

import java.net.URI;
import java.util.function.Supplier;

public record StreamTarget(
        String kafkaBootstrapServers,
        String eventTopic,
        String storeJdbcUrl,
        String projectionJdbcUrl,
        URI commitmentsService,
        URI projectionService,
        Supplier<String> adminToken,
        Supplier<String> auditorToken) {}
