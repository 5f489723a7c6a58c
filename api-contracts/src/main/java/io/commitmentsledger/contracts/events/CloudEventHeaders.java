package io.commitmentsledger.contracts.events;

/**
 * The Kafka record headers of every published event: CloudEvents 1.0 in binary mode (the record value is the
 * event's JSON), plus extension attributes that let subscribers check order and completeness, and verify each
 * record against the ledger's signed log before they trust it.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    /** The event's id: the same on every re-publication, so subscribers can drop duplicates. */
    public static final String ID = "ce_id";

    public static final String SOURCE = "ce_source";
    /** See {@link EventTypes#cloudEventType(Class)}. */
    public static final String TYPE = "ce_type";
    /** The commitment id, also the record key. */
    public static final String SUBJECT = "ce_subject";
    /** When the ledger recorded the event (RFC 3339, UTC). */
    public static final String TIME = "ce_time";

    public static final String CONTENT_TYPE = "content-type";
    /** See {@link EventTypes#dataSchema(String, String)}. */
    public static final String DATA_SCHEMA = "ce_dataschema";
    /** Extension: the event's sequence number within its commitment, from 0 without gaps. */
    public static final String COMMITMENT_SEQUENCE = "ce_commitmentsequence";
    /** Extension: the event's position in the whole ledger, increasing across commitments. */
    public static final String GLOBAL_POSITION = "ce_globalposition";

    /** Extension: the event's index in the verifiable log, from 0 without gaps across the whole ledger. */
    public static final String LOG_INDEX = "ce_logindex";
    /** Extension: base64 of the event's RFC 9162 leaf hash (see {@code contracts.log.LogLeaf}). */
    public static final String LEAF_HASH = "ce_leafhash";
    /** Extension: base64 of the leaf hash of the commitment's previous event (32 zero bytes for the first). */
    public static final String PREVIOUS_LEAF_HASH = "ce_previousleafhash";
    /** Extension: the ledger's signature of the leaf hash (see {@code contracts.log.LeafSignature}). */
    public static final String LEDGER_SIGNATURE = "ce_ledgersignature";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String SOURCE_VALUE = "/commitments-ledger/commitments-service";
    public static final String CONTENT_TYPE_VALUE = "application/json";

    private CloudEventHeaders() {}
}
