package io.commitmentsledger.contracts.events;

/**
 * The Kafka record headers of every published event: CloudEvents 1.0 in binary mode (the record value is the
 * event's JSON), plus two extension attributes that let subscribers check order and completeness.
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

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String SOURCE_VALUE = "/commitments-ledger/commitments-service";
    public static final String CONTENT_TYPE_VALUE = "application/json";

    private CloudEventHeaders() {}
}
