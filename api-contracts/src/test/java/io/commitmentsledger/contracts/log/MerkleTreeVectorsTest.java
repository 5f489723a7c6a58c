package io.commitmentsledger.contracts.log;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * transparency-dev/merkle's proof vectors (test resources {@code rfc6962-merkle/}, with their licence): the verifier
 * accepts exactly the cases that must verify and rejects every case that must not, one test per file.
 */
class MerkleTreeVectorsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> inclusionProofs() throws IOException {
        return cases(
                "inclusion",
                vector -> () -> MerkleTree.verifyInclusion(
                        uint64(vector.path("leafIdx")),
                        uint64(vector.path("treeSize")),
                        bytes(vector.path("leafHash")),
                        hashes(vector.path("proof")),
                        bytes(vector.path("root"))));
    }

    @TestFactory
    Stream<DynamicTest> consistencyProofs() throws IOException {
        return cases(
                "consistency",
                vector -> () -> MerkleTree.verifyConsistency(
                        uint64(vector.path("size1")),
                        uint64(vector.path("size2")),
                        bytes(vector.path("root1")),
                        bytes(vector.path("root2")),
                        hashes(vector.path("proof"))));
    }

    private interface Verification {
        ThrowingCallable of(JsonNode vector);
    }

    private static Stream<DynamicTest> cases(String folder, Verification verification) throws IOException {
        Path root = resources().resolve(folder);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        if (files.size() < 50) {
            throw new IllegalStateException("expected the vectors under " + root + ", found " + files.size());
        }
        return files.stream().map(file -> {
            String name = folder + "/" + root.relativize(file).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(name, () -> {
                JsonNode vector = JSON.readTree(file.toFile());
                ThrowingCallable verify = verification.of(vector);
                if (vector.path("wantErr").asBoolean()) {
                    assertThatThrownBy(verify)
                            .as(name + ": " + vector.path("desc").asString())
                            .isInstanceOf(VerificationFailure.class);
                } else {
                    assertThatCode(verify)
                            .as(name + ": " + vector.path("desc").asString())
                            .doesNotThrowAnyException();
                }
            });
        });
    }

    private static Path resources() {
        try {
            return Path.of(Objects.requireNonNull(MerkleTreeVectorsTest.class.getResource("/rfc6962-merkle/README.md"))
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The vectors' sizes are Go uint64s; as Java longs, the largest ones are negative. */
    private static long uint64(JsonNode number) {
        return new BigInteger(number.toString()).longValue();
    }

    private static byte[] bytes(JsonNode base64) {
        return base64.isNull() || base64.isMissingNode()
                ? new byte[0]
                : Base64.getDecoder().decode(base64.asString());
    }

    private static List<byte[]> hashes(JsonNode array) {
        return array.isNull()
                ? List.of()
                : array.valueStream().map(MerkleTreeVectorsTest::bytes).toList();
    }
}
