package io.commitmentsledger.contracts.log;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One recorded event as the log holds it. Its {@link #encode() encoding} is what the leaf hash covers, byte for byte,
 * in this order (integers big-endian, text UTF-8 after its length; the layout of RFC 8446's presentation language):
 *
 * <pre>
 * uint8  version = 1
 * uint64 log_index                 position in the log, from 0 without gaps
 * opaque commitment_id&lt;1..2^16-1&gt;
 * uint64 sequence                  position in the commitment, from 0 without gaps
 * opaque event_id&lt;1..2^16-1&gt;
 * opaque type&lt;1..2^16-1&gt;            event name, such as CommitmentConfirmed
 * opaque revision&lt;1..2^16-1&gt;        its revision, such as 1
 * opaque occurred_on&lt;0..2^16-1&gt;     the payload's top-level "occurredOn" string, as written
 * opaque recorded_at&lt;1..2^16-1&gt;     when the ledger recorded it (RFC 3339, UTC), as stored
 * opaque actor&lt;0..2^16-1&gt;           the payload's top-level "actor" string, such as JP/METI
 * opaque payload&lt;0..2^32-1&gt;         the event's JSON exactly as stored
 * opaque previous_leaf_hash[32]    the leaf hash of the commitment's previous event; zeros for sequence 0
 * </pre>
 *
 * The previous leaf hash chains each commitment's events, so one commitment can be checked on its own.
 */
public record LogLeaf(
        long logIndex,
        String commitmentId,
        long sequence,
        String eventId,
        String type,
        String revision,
        String occurredOn,
        String recordedAt,
        String actor,
        byte[] payload,
        byte[] previousLeafHash) {

    public static final byte VERSION = 1;
    /** The previous leaf hash of a commitment's first event. */
    public static final byte[] NO_PREVIOUS_LEAF = new byte[MerkleHashes.SIZE];

    public LogLeaf {
        if (logIndex < 0 || sequence < 0) {
            throw new IllegalArgumentException("log index and sequence are never negative");
        }
        if (previousLeafHash.length != MerkleHashes.SIZE) {
            throw new IllegalArgumentException("a previous leaf hash has 32 bytes");
        }
        // The layout gives these at least one byte; refusing them here keeps encode() and decode() to that layout.
        for (String required : List.of(commitmentId, eventId, type, revision, recordedAt)) {
            if (required.isEmpty()) {
                throw new IllegalArgumentException(
                        "a leaf's commitment id, event id, type, revision and recording" + " time are never empty");
            }
        }
        for (String text : List.of(commitmentId, eventId, type, revision, occurredOn, recordedAt, actor)) {
            utf8(text);
        }
        payload = payload.clone();
        previousLeafHash = previousLeafHash.clone();
    }

    /** A copy: the leaf's bytes cannot be changed after its hash is taken. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** A copy, like {@link #payload()}. */
    @Override
    public byte[] previousLeafHash() {
        return previousLeafHash.clone();
    }

    /** The leaf of an event, reading {@code actor} and {@code occurredOn} from its JSON payload. */
    public static LogLeaf of(
            long logIndex,
            String commitmentId,
            long sequence,
            String eventId,
            String type,
            String revision,
            String recordedAt,
            byte[] payload,
            byte[] previousLeafHash) {
        String json = new String(payload, StandardCharsets.UTF_8);
        var members = JsonObjectReader.members(json);
        return new LogLeaf(
                logIndex,
                commitmentId,
                sequence,
                eventId,
                type,
                revision,
                stringOrEmpty(members.get("occurredOn")),
                recordedAt,
                stringOrEmpty(members.get("actor")),
                payload,
                previousLeafHash);
    }

    /** The bytes the leaf hash covers. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + payload.length);
        out.write(VERSION);
        uint64(out, logIndex);
        text(out, commitmentId);
        uint64(out, sequence);
        text(out, eventId);
        text(out, type);
        text(out, revision);
        text(out, occurredOn);
        text(out, recordedAt);
        text(out, actor);
        uint32(out, payload.length);
        out.writeBytes(payload);
        out.writeBytes(previousLeafHash);
        return out.toByteArray();
    }

    /** RFC 9162's leaf hash of {@link #encode()}. */
    public byte[] hash() {
        return MerkleHashes.leafHash(encode());
    }

    /** Reads an encoded leaf back; throws {@link IllegalArgumentException} if it is not exactly one. */
    public static LogLeaf decode(byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        try {
            if (in.get() != VERSION) {
                throw new IllegalArgumentException("not a version " + VERSION + " leaf");
            }
            long logIndex = in.getLong();
            String commitmentId = text(in);
            long sequence = in.getLong();
            String eventId = text(in);
            String type = text(in);
            String revision = text(in);
            String occurredOn = text(in);
            String recordedAt = text(in);
            String actor = text(in);
            int payloadLength = in.getInt();
            if (payloadLength < 0 || payloadLength > in.remaining()) {
                throw new IllegalArgumentException("the leaf's payload is cut off");
            }
            byte[] payload = new byte[payloadLength];
            in.get(payload);
            byte[] previous = new byte[MerkleHashes.SIZE];
            in.get(previous);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("bytes after the leaf");
            }
            return new LogLeaf(
                    logIndex,
                    commitmentId,
                    sequence,
                    eventId,
                    type,
                    revision,
                    occurredOn,
                    recordedAt,
                    actor,
                    payload,
                    previous);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the leaf is cut off");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogLeaf that && Arrays.equals(encode(), that.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "LogLeaf[" + logIndex + ": " + commitmentId + " #" + sequence + " " + type + ".v" + revision + " "
                + eventId + ", previous " + HexFormat.of().formatHex(previousLeafHash) + "]";
    }

    private static String stringOrEmpty(JsonObjectReader.Value value) {
        return value == null || value.string() == null ? "" : value.string();
    }

    private static void uint64(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }

    private static void uint32(ByteArrayOutputStream out, int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(value >>> shift);
        }
    }

    private static void text(ByteArrayOutputStream out, String value) {
        byte[] bytes = utf8(value);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    /**
     * The field's UTF-8 bytes. Refuses text that UTF-8 cannot hold (an unpaired surrogate, which a JSON escape
     * can write): {@link String#getBytes} would turn it into '?', so two different leaves would share one hash.
     */
    private static byte[] utf8(String value) {
        ByteBuffer bytes;
        try {
            bytes = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a leaf's text field is not valid Unicode text");
        }
        if (bytes.remaining() > 0xffff) {
            throw new IllegalArgumentException("a leaf's text field has at most 65535 bytes");
        }
        byte[] encoded = new byte[bytes.remaining()];
        bytes.get(encoded);
        return encoded;
    }

    private static String text(ByteBuffer in) {
        int length = in.getShort() & 0xffff;
        byte[] bytes = new byte[length];
        in.get(bytes);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a leaf's text field is not UTF-8");
        }
    }
}
