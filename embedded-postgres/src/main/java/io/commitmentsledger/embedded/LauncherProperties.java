package io.commitmentsledger.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The process that started this service, when that process owns its lifetime (the local stack, a test).
 *
 * @param parentPid the launcher's process id: when that process ends, however it ends, this service stops as on
 *     Ctrl-C, or halts if that takes over 5 s; its embedded PostgreSQL stops either way. 0, the default, watches
 *     nothing.
 */
@ConfigurationProperties("ledger")
public record LauncherProperties(@DefaultValue("0") long parentPid) {}
