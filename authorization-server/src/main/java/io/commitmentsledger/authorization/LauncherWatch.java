package io.commitmentsledger.authorization;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Ends this server when the process that launched it ends ({@code ledger.parent-pid}, 0 for none), so a launcher
 * killed with SIGKILL leaves no authorization server behind. The services do the same with embedded-postgres's
 * LauncherWatchConfiguration; that module would bring PostgreSQL's binaries and a DataSource here, and this server
 * holds no state that needs its clean-shutdown limit.
 */
@Component
class LauncherWatch implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(LauncherWatch.class);

    private final long parentPid;

    LauncherWatch(@Value("${ledger.parent-pid:0}") long parentPid) {
        this.parentPid = parentPid;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        if (parentPid <= 0) {
            return;
        }
        ProcessHandle.of(parentPid)
                .<CompletableFuture<?>>map(ProcessHandle::onExit)
                .orElse(CompletableFuture.completedFuture(parentPid))
                .thenRun(() -> {
                    log.warn("The process that launched this server (pid {}) has ended: stopping", parentPid);
                    // System.exit runs the shutdown hooks, which must not run on the thread that waits for them
                    new Thread(
                                    () -> System.exit(SpringApplication.exit(ready.getApplicationContext())),
                                    "launcher-gone")
                            .start();
                });
    }
}
