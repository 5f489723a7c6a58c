package io.commitmentsledger.verifier;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The auditor's command line ({@code ./verify-ledger}): checks the ledger offline against its signed checkpoint. Exit
 * status 0 when everything checked verified, 1 when something did not (every failure is printed, up to a limit), 2
 * when the command line is wrong or its input cannot be read.
 */
public final class VerifyLedger {

    static final String USAGE = """
            Checks the Commitments Ledger offline, with its public verifier key and nothing else trusted.

            verify-export --export FILE --checkpoint FILE --key KEY [--key KEY...]
                          [--earlier-checkpoint FILE] [--origin ORIGIN] [--all-signatures] [--max-failures N]
                Checks an NDJSON export (GET /api/v1/ledger/export): each line's leaf hash, log indexes from 0,
                each commitment's chain, the root of the export's leaves against the signed checkpoint
                (GET /api/v1/log/checkpoint) and against an earlier checkpoint you kept, and the ledger's
                signature of each leaf the root does not cover (of every leaf with --all-signatures).

            verify-topic --bootstrap-servers HOST:PORT --key KEY [--key KEY...] [--topic commitment-events]
                         [--checkpoint-topic commitment-checkpoints] [--origin ORIGIN] [--all-signatures]
                         [--max-failures N]
                The same checks on the Kafka topic, against every checkpoint on the checkpoint topic.

            verify-proof --proof FILE --key KEY [--key KEY...] [--origin ORIGIN]
                Checks one event's proof bundle (GET /api/v1/events/{eventId}/tlog-proof) and prints the event.

            KEY is a verifier key (a line of GET /api/v1/log/verifier-keys) or a file of them, one a line.
            ORIGIN is the log a checkpoint must name; by default the name of a key.
            Exit status: 0 verified, 1 something did not verify, 2 usage error or unreadable input.
            """;

    private static final Set<String> KEY = Set.of("--key");

    private VerifyLedger() {}

    public static void main(String[] args) {
        // The Kafka client logs through SLF4J; the report says what matters, so its logging goes nowhere.
        quietly("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        quietly("slf4j.internal.verbosity", "WARN");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        int status = run(args, out);
        out.flush();
        System.exit(status);
    }

    /** Runs one sub-command, writing its report to {@code out}; returns the exit status. */
    static int run(String[] args, PrintWriter out) {
        if (args.length == 0 || Set.of("--help", "-h", "help").contains(args[0])) {
            out.print(USAGE);
            out.flush();
            return args.length == 0 ? 2 : 0;
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "verify-export" -> {
                    Arguments arguments = Arguments.parse(
                            options,
                            Set.of("--export", "--checkpoint", "--earlier-checkpoint", "--origin", "--max-failures"),
                            KEY,
                            Set.of("--all-signatures"));
                    yield ExportVerifier.run(arguments, report(arguments, out));
                }
                case "verify-topic" -> {
                    Arguments arguments = Arguments.parse(
                            options,
                            Set.of(
                                    "--bootstrap-servers",
                                    "--topic",
                                    "--checkpoint-topic",
                                    "--origin",
                                    "--max-failures"),
                            KEY,
                            Set.of("--all-signatures"));
                    yield TopicVerifier.run(arguments, report(arguments, out));
                }
                case "verify-proof" -> {
                    Arguments arguments = Arguments.parse(options, Set.of("--proof", "--origin"), KEY, Set.of());
                    yield ProofVerifier.run(arguments, report(arguments, out), out);
                }
                default -> throw new UsageError("unknown command " + args[0] + " (--help lists them)");
            };
        } catch (UsageError e) {
            out.println("cannot verify: " + e.getMessage());
            out.println("run with --help for usage");
            out.flush();
            return 2;
        }
    }

    private static void quietly(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static Report report(Arguments arguments, PrintWriter out) throws UsageError {
        return new Report(out, arguments.positiveNumber("--max-failures", Report.DEFAULT_FAILURE_LIMIT));
    }
}
