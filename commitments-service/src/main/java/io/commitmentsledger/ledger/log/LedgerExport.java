package io.commitmentsledger.ledger.log;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole ledger as CloudEvents JSON lines, in log order, for auditors to keep and verify offline: each line carries
 * what an auditor needs to rebuild its {@link io.commitmentsledger.contracts.log.LogLeaf} (the payload byte for byte,
 * the time as stored) and the log's hashes and signature of it. The format is a contract with the offline verifier:
 *
 * <pre>
 * {"specversion":"1.0","id":…,"source":…,"type":…,"subject":…,"time":…,"datacontenttype":"application/json",
 *  "dataschema":…,"commitmentsequence":n,"globalposition":n,"logindex":n,"leafhash":…,"previousleafhash":…,
 *  "ledgersignature":…,"data":&lt;payload&gt;}\n
 * </pre>
 *
 * Streams in constant memory: one read-only snapshot read through a PostgreSQL cursor ({@value #FETCH_SIZE} rows at
 * a time), each row written straight into a reused buffer.
 */
@Component
public class LedgerExport {

    static final int FETCH_SIZE = 2000;

    private static final String SELECT = """
            SELECT l.log_index, l.event_identifier, l.commitment_id, l.sequence_number, l.leaf_hash,
                   l.previous_leaf_hash, l.leaf_signature, e.global_index, e.payload_type, e.payload_revision,
                   e.time_stamp, e.payload
              FROM log_entry l
              JOIN domain_event_entry e ON e.event_identifier = l.event_identifier
             WHERE l.log_index >= ? AND l.log_index < ?
             ORDER BY l.log_index""";

    private final JdbcTemplate cursor;
    private final TransactionTemplate snapshot;

    LedgerExport(DataSource dataSource, PlatformTransactionManager transactions) {
        this.cursor = new JdbcTemplate(dataSource);
        // PostgreSQL reads through a cursor only with a fetch size, inside a transaction (autocommit off).
        cursor.setFetchSize(FETCH_SIZE);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** How many entries the log holds: the export's default end. */
    public long size() {
        Long size = cursor.queryForObject("SELECT coalesce(max(log_index) + 1, 0) FROM log_entry", Long.class);
        return size == null ? 0 : size;
    }

    /**
     * Writes the entries at log indexes {@code from} (inclusive) to {@code to} (exclusive), one line each. An entry
     * whose event is no longer in the event store has no line: the verifier finds the gap in the log indexes.
     */
    public void write(long from, long to, OutputStream out) throws IOException {
        Lines lines = new Lines(out);
        try {
            snapshot.executeWithoutResult(status -> cursor.query(SELECT, lines::write, from, to));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        lines.flush();
    }

    /** Writes rows as lines into a buffer it reuses, flushing it to the stream when nearly full. */
    private static final class Lines {

        private static final byte[] SPECVERSION = ascii("{\"specversion\":\"1.0\",\"id\":");
        private static final byte[] SOURCE =
                ascii(",\"source\":\"" + CloudEventHeaders.SOURCE_VALUE + "\",\"type\":\"");
        private static final byte[] SUBJECT = ascii("\",\"subject\":");
        private static final byte[] TIME = ascii(",\"time\":");
        private static final byte[] DATACONTENTTYPE =
                ascii(",\"datacontenttype\":\"application/json\",\"dataschema\":\"");
        private static final byte[] SEQUENCE = ascii("\",\"commitmentsequence\":");
        private static final byte[] GLOBAL_POSITION = ascii(",\"globalposition\":");
        private static final byte[] LOG_INDEX = ascii(",\"logindex\":");
        private static final byte[] LEAF_HASH = ascii(",\"leafhash\":\"");
        private static final byte[] PREVIOUS_LEAF_HASH = ascii("\",\"previousleafhash\":\"");
        private static final byte[] SIGNATURE = ascii("\",\"ledgersignature\":");
        private static final byte[] DATA = ascii(",\"data\":");
        private static final byte[] END = ascii("}\n");
        private static final byte[] HEX = ascii("0123456789abcdef");
        private static final int BUFFER = 64 * 1024;

        private final OutputStream out;
        private final Base64.Encoder base64 = Base64.getEncoder();
        /** The escaped type and data schema of each payload class and revision: a few dozen at most. */
        private final Map<String, Map<String, EventType>> types = new HashMap<>();

        private final byte[] base64Hash = new byte[44];
        private byte[] buffer = new byte[BUFFER];
        private int length;

        private record EventType(byte[] cloudEventType, byte[] dataSchema) {}

        Lines(OutputStream out) {
            this.out = out;
        }

        void write(ResultSet row) throws SQLException {
            String payloadType = row.getString(9);
            String revision = row.getString(10);
            EventType type = types.computeIfAbsent(payloadType, t -> new HashMap<>())
                    .computeIfAbsent(revision == null ? "" : revision, r -> eventType(payloadType, r));
            append(SPECVERSION);
            string(row.getString(2));
            append(SOURCE);
            append(type.cloudEventType());
            append(SUBJECT);
            string(row.getString(3));
            append(TIME);
            string(row.getString(11));
            append(DATACONTENTTYPE);
            append(type.dataSchema());
            append(SEQUENCE);
            number(row.getLong(4));
            append(GLOBAL_POSITION);
            number(row.getLong(8));
            append(LOG_INDEX);
            number(row.getLong(1));
            append(LEAF_HASH);
            hash(row.getBytes(5));
            append(PREVIOUS_LEAF_HASH);
            hash(row.getBytes(6));
            append(SIGNATURE);
            string(row.getString(7));
            append(DATA);
            append(row.getBytes(12));
            append(END);
            if (length > BUFFER - 1024) {
                flush();
            }
        }

        void flush() {
            try {
                out.write(buffer, 0, length);
                out.flush();
            } catch (IOException e) {
                // Out of the row callback, which cannot throw it; write() unwraps it again.
                throw new UncheckedIOException(e);
            }
            length = 0;
        }

        private static EventType eventType(String payloadType, String revision) {
            String name = payloadType.substring(payloadType.lastIndexOf('.') + 1);
            return new EventType(
                    escaped(EventTypes.cloudEventType(name, revision)),
                    escaped(EventTypes.dataSchema(name, revision).toString()));
        }

        /** A JSON string's content, without its quotes. */
        private static byte[] escaped(String text) {
            Lines lines = new Lines(OutputStream.nullOutputStream());
            lines.string(text);
            return java.util.Arrays.copyOfRange(lines.buffer, 1, lines.length - 1);
        }

        private void hash(byte[] hash) {
            if (hash.length == 32) {
                base64.encode(hash, base64Hash);
                append(base64Hash);
            } else {
                append(base64.encode(hash));
            }
        }

        private void number(long value) {
            String digits = Long.toString(value);
            ensure(digits.length());
            for (int i = 0; i < digits.length(); i++) {
                buffer[length++] = (byte) digits.charAt(i);
            }
        }

        /** A JSON string: quotes, backslashes and control characters escaped, the rest UTF-8. */
        private void string(String text) {
            ensure(text.length() * 6 + 2);
            byte[] b = buffer;
            int at = length;
            b[at++] = '"';
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                    b[at++] = (byte) c;
                } else if (c == '"' || c == '\\') {
                    b[at++] = '\\';
                    b[at++] = (byte) c;
                } else if (c == '\n') {
                    b[at++] = '\\';
                    b[at++] = 'n';
                } else if (c < 0x20) {
                    at = unicodeEscape(b, at, c);
                } else if (c < 0x800) {
                    b[at++] = (byte) (0xc0 | (c >> 6));
                    b[at++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    b[at++] = (byte) (0xf0 | (codePoint >> 18));
                    b[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
                    b[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
                    b[at++] = (byte) (0x80 | (codePoint & 0x3f));
                } else if (Character.isSurrogate(c)) {
                    // An unpaired surrogate has no UTF-8 form; JSON's escape keeps it as it was.
                    at = unicodeEscape(b, at, c);
                } else {
                    b[at++] = (byte) (0xe0 | (c >> 12));
                    b[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    b[at++] = (byte) (0x80 | (c & 0x3f));
                }
            }
            b[at++] = '"';
            length = at;
        }

        private static int unicodeEscape(byte[] b, int at, char c) {
            b[at++] = '\\';
            b[at++] = 'u';
            b[at++] = HEX[(c >> 12) & 0xf];
            b[at++] = HEX[(c >> 8) & 0xf];
            b[at++] = HEX[(c >> 4) & 0xf];
            b[at++] = HEX[c & 0xf];
            return at;
        }

        private void append(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        /** Room for {@code more} bytes: flushes first, and grows the buffer only for a row larger than it. */
        private void ensure(int more) {
            if (length + more <= buffer.length) {
                return;
            }
            flush();
            if (more > buffer.length) {
                buffer = new byte[more];
            }
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
    }
}
