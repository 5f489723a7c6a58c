package io.commitmentsledger.verifier;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One Kafka record as {@link TopicReader} hands it over, so that nothing else in the verifier needs Kafka's types. */
record TopicRecord(
        String topic, int partition, long offset, @Nullable String key, Map<String, String> headers, byte[] value) {

    /** Where the record is, for the report. */
    String where() {
        return topic + " partition " + partition + " offset " + offset;
    }
}
