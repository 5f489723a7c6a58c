package io.commitmentsledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A process's resident memory, VmRSS in {@code /proc/<pid>/status} (Linux). */
final class ResidentMemory {

    private ResidentMemory() {}

    /** In MiB, or empty when the process is gone or this is not Linux. */
    static OptionalLong mebibytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kibibytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return OptionalLong.of(kibibytes / 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
