package io.commitmentsledger.ledger.publication;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code kafka}: whether the broker answers, and nothing else (it never touches
 * PostgreSQL, so a database outage does not show as a Kafka failure; {@link PublicationHealth} reports the lag).
 * Commands never depend on it (they only write to PostgreSQL), so it is left out of the readiness group: a broker
 * outage shows here while the ledger keeps accepting commands.
 */
@Component("kafka")
class KafkaBrokerHealth extends AbstractHealthIndicator implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final AdminClient admin;

    KafkaBrokerHealth(KafkaAdmin kafkaAdmin) {
        super("Kafka health check failed");
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
        int brokers =
                cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
        health.up().withDetail("clusterId", cluster.clusterId().get()).withDetail("brokers", brokers);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
