package io.commitmentsledger.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The file {@code <data directory>/ledger.pids}: the processes a running ledger consists of, one line each, {@code
 * <role> <pid> <start time>} (roles {@code launcher}, {@code commitments-service}, {@code projection-service}). The
 * next start reads it to tell a running ledger from one a killed launcher left behind, and fault tests read it to find
 * the processes. The start time guards against a process id the system has since given to another program. Each
 * service's PostgreSQL names itself in {@code postmaster.pid} in its data directory.
 */
final class LedgerProcesses {

    static final String FILE_NAME = "ledger.pids";

    /** One process of the ledger. */
    record Entry(String role, long pid, String started) {

        static Entry of(String role, ProcessHandle process) {
            return new Entry(role, process.pid(), startTime(process));
        }

        /** The process, if it still runs: same pid and same start time. */
        Optional<ProcessHandle> running() {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> startTime(process).equals(started));
        }

        private static String startTime(ProcessHandle process) {
            return process.info().startInstant().map(Object::toString).orElse("unknown");
        }
    }

    private final Path file;

    LedgerProcesses(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    List<Entry> read() {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .map(line -> line.split(" ", 3))
                    .filter(fields -> fields.length == 3)
                    .map(fields -> new Entry(fields[0], Long.parseLong(fields[1]), fields[2]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void startAfresh(Entry launcher) {
        write(launcher, StandardOpenOption.TRUNCATE_EXISTING);
    }

    void add(Entry process) {
        write(process, StandardOpenOption.APPEND);
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Entry entry, StandardOpenOption mode) {
        try {
            Files.writeString(
                    file,
                    entry.role() + " " + entry.pid() + " " + entry.started() + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
