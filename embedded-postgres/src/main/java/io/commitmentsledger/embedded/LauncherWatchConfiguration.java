package io.commitmentsledger.embedded;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * Ends the service when the process that launched it ends ({@code ledger.parent-pid}), so a launcher killed with
 * SIGKILL leaves no service (and no embedded PostgreSQL) behind. The service closes its context as on Ctrl-C.
 */
@AutoConfiguration
@ConditionalOnExpression("${ledger.parent-pid:0} > 0")
@EnableConfigurationProperties(LauncherProperties.class)
public class LauncherWatchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LauncherWatchConfiguration.class);

    /**
     * How long a clean shutdown may take before the JVM halts. A launcher often takes the Kafka broker with it, and
     * Kafka clients can spend half a minute saying goodbye to a broker that is gone; after a halt the embedded
     * PostgreSQL's watchdog stops the database.
     */
    private static final Duration CLEAN_SHUTDOWN_LIMIT = Duration.ofSeconds(5);

    private final long parentPid;

    LauncherWatchConfiguration(LauncherProperties properties) {
        this.parentPid = properties.parentPid();
    }

    /** Watches from the moment the service is up; a launcher that is already gone stops it at once. */
    @EventListener
    void watchLauncher(ApplicationReadyEvent ready) {
        ConfigurableApplicationContext context = ready.getApplicationContext();
        CompletableFuture<?> launcherGone = ProcessHandle.of(parentPid)
                .<CompletableFuture<?>>map(ProcessHandle::onExit)
                .orElse(CompletableFuture.completedFuture(parentPid));
        launcherGone.thenRun(() -> {
            log.warn("The process that launched this service (pid {}) has ended: stopping", parentPid);
            // System.exit runs the shutdown hooks, which must not run on the thread that waits for them
            Thread exit = new Thread(() -> System.exit(SpringApplication.exit(context)), "launcher-gone");
            exit.start();
            Thread limit = new Thread(
                    () -> {
                        try {
                            exit.join(CLEAN_SHUTDOWN_LIMIT.toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        log.warn("The service did not stop within {}: halting", CLEAN_SHUTDOWN_LIMIT);
                        Runtime.getRuntime().halt(1);
                    },
                    "launcher-gone-limit");
            limit.setDaemon(true);
            limit.start();
        });
    }
}
