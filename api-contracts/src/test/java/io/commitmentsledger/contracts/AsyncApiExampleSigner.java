package io.commitmentsledger.contracts;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Signs the examples of {@code asyncapi.yaml} with the published example key, after an example is added or changed:
 * each event example's {@code ce_leafhash} and {@code ce_ledgersignature} are recomputed from its headers and payload
 * exactly as a subscriber verifies them ({@code AsyncApiDocumentTest}), and the checkpoint example is signed again.
 * The key is an example, published on purpose so that anyone can reproduce the examples; it signs nothing real.
 *
 * <p>Run from api-contracts: {@code ../mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.commitmentsledger.contracts.AsyncApiExampleSigner}, or from an IDE, with the working
 * directory at api-contracts.
 */
public final class AsyncApiExampleSigner {

    /** The private half of the verifier key the document publishes. */
    static final String EXAMPLE_SIGNER_KEY =
            "PRIVATE+KEY+commitments-ledger.example/log+8c4501f8+Aa0RlGEiMx7m4Tp66ZfSBHRkqBc6BViGDzozaxGimXs3";

    private static final Path DOCUMENT = Path.of("src/main/resources/asyncapi.yaml");

    private AsyncApiExampleSigner() {}

    public static void main(String[] args) throws IOException {
        NoteSigner signer = NoteSigner.parse(EXAMPLE_SIGNER_KEY);
        JsonMapper json = JsonMapper.builder().build();
        String text = Files.readString(DOCUMENT);
        JsonNode document = YAMLMapper.builder().build().readTree(text);
        for (Map.Entry<String, JsonNode> message :
                document.at("/components/messages").properties()) {
            for (JsonNode example : message.getValue().path("examples")) {
                JsonNode headers = example.path("headers");
                EventTypes.NameAndRevision type = EventTypes.nameAndRevision(
                                headers.path(CloudEventHeaders.TYPE).asString())
                        .orElseThrow();
                byte[] leafHash = LogLeaf.of(
                                Long.parseLong(headers.path(CloudEventHeaders.LOG_INDEX)
                                        .asString()),
                                headers.path(CloudEventHeaders.SUBJECT).asString(),
                                Long.parseLong(headers.path(CloudEventHeaders.COMMITMENT_SEQUENCE)
                                        .asString()),
                                headers.path(CloudEventHeaders.ID).asString(),
                                type.name(),
                                String.valueOf(type.revision()),
                                headers.path(CloudEventHeaders.TIME).asString(),
                                json.writeValueAsBytes(example.path("payload")),
                                Base64.getDecoder()
                                        .decode(headers.path(CloudEventHeaders.PREVIOUS_LEAF_HASH)
                                                .asString()))
                        .hash();
                text = replaceValue(
                        text,
                        headers.path(CloudEventHeaders.LEAF_HASH).asString(),
                        Base64.getEncoder().encodeToString(leafHash));
                text = replaceValue(
                        text,
                        headers.path(CloudEventHeaders.LEDGER_SIGNATURE).asString(),
                        LeafSignature.sign(signer, leafHash));
            }
        }
        String checkpoint = document.at("/channels/commitmentCheckpoints/messages/Checkpoint/examples/0/payload")
                .asString();
        String body = checkpoint.substring(0, checkpoint.indexOf("\n\n") + 1);
        text = text.replace(indent(checkpoint), indent(signer.sign(body)));
        Files.writeString(DOCUMENT, text, StandardCharsets.UTF_8);
    }

    /** Replaces the one occurrence of a header's quoted value; each example's values must be its own. */
    private static String replaceValue(String text, String old, String replacement) {
        String quoted = "'" + old + "'";
        if (text.indexOf(quoted) != text.lastIndexOf(quoted) || !text.contains(quoted)) {
            throw new IllegalStateException("header value " + old + " must occur exactly once in the document");
        }
        return text.replace(quoted, "'" + replacement + "'");
    }

    /** The checkpoint as the document's block scalar writes it, 12 spaces in. */
    private static String indent(String note) {
        return note.strip()
                .lines()
                .map(line -> line.isEmpty() ? "" : "            " + line)
                .reduce((a, b) -> a + "\n" + b)
                .orElseThrow();
    }
}
