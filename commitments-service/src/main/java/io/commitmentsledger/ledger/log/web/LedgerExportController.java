package io.commitmentsledger.ledger.log.web;

import io.commitmentsledger.ledger.log.LedgerExport;
import io.commitmentsledger.ledger.log.LogTree;
import io.commitmentsledger.ledger.web.RequestFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole ledger, or a range of its log, as CloudEvents JSON lines for auditors to keep and verify offline
 * ({@link LedgerExport} gives the format). Written on the request's own thread straight to the response, so an export
 * of any length is neither held in memory nor cut off by an asynchronous request timeout.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Verifiable log", description = "Signed checkpoints, proofs and verifier keys, for auditors")
class LedgerExportController {

    static final String NDJSON = "application/x-ndjson";

    private final LedgerExport export;
    private final LogTree tree;
    private final Clock clock;

    LedgerExportController(LedgerExport export, LogTree tree, Clock clock) {
        this.export = export;
        this.tree = tree;
        this.clock = clock;
    }

    @GetMapping(path = "/ledger/export", produces = NDJSON)
    @Operation(summary = "Every logged event from log index from (inclusive) to to (exclusive), one JSON line each")
    void export(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            HttpServletResponse response)
            throws IOException {
        RequestFields fields = new RequestFields(clock);
        Long first = LogRequests.number(fields, "from", from, 0, false);
        Long end = LogRequests.number(fields, "to", to, 0, false);
        fields.throwIfInvalid();
        long logSize = tree.size();
        long start = first == null ? 0 : first;
        long stop = end == null ? logSize : end;
        if (stop > logSize) {
            fields.problem("to", "must not exceed the log's size, " + logSize);
        }
        if (start > stop) {
            fields.problem("from", "must not exceed to (" + stop + ")");
        }
        fields.throwIfInvalid();
        if (start == stop) {
            // No lines: nothing to send, rather than an NDJSON body of no bytes.
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setContentType(NDJSON);
        export.write(start, stop, response.getOutputStream());
    }
}
