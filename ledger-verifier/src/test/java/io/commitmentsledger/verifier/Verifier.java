package io.commitmentsledger.verifier;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the verifier in-process, as {@code ./verify-ledger} would, and keeps what it printed. */
final class Verifier {

    /** The exit status and the report. */
    record Run(int status, String report) {

        /** The FAIL lines of the report. */
        List<String> failures() {
            return report.lines().filter(line -> line.startsWith("FAIL ")).toList();
        }
    }

    private Verifier() {}

    static Run run(String... args) {
        StringWriter report = new StringWriter();
        PrintWriter out = new PrintWriter(report);
        int status = VerifyLedger.run(args, out);
        out.flush();
        return new Run(status, report.toString());
    }
}
