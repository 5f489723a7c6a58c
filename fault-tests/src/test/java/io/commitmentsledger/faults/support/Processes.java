package io.commitmentsledger.faults.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Small helpers for child processes: the JVM to run, free ports, SIGKILL, and a clean directory per scenario. */
public final class Processes {

    /** This module's directory's parent: the repository root, where the services' jars and the seeds are. */
    public static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private Processes() {}

    /** A command line for a child JVM: quick to start (C1 only), with a bounded heap. */
    public static List<String> java(String... arguments) {
        return Stream.concat(
                        Stream.of(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Xmx512m",
                                "-XX:TieredStopAtLevel=1"),
                        Stream.of(arguments))
                .toList();
    }

    /** Sends SIGKILL (on Linux, what destroyForcibly does) and waits until the process is gone. */
    public static void kill(ProcessHandle process) {
        process.destroyForcibly();
        await("process " + process.pid() + " to die")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !process.isAlive());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** {@code target/faults/<scenario>}, emptied, so every run starts from nothing. */
    public static Path freshDirectory(String scenario) {
        Path directory = Path.of("target", "faults", scenario).toAbsolutePath();
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
