package io.commitmentsledger.contracts.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys and signed notes, against Go's reference implementation and against forgeries. */
class SignedNoteTest {

    // The example of golang.org/x/mod/sumdb/note (note_test.go, TestSign and TestOpen; BSD licence): a key, a text
    // and the exact note Go signs. Ed25519 is deterministic, so signing the text must give that note byte for byte.
    static final String GO_PRIVATE_KEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String GO_ENOCH_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String GO_TEXT =
            "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    static final String GO_PETER_SIGNATURE = "— PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String GO_ENOCH_SIGNATURE = "— EnochRoot "
            + "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
    static final String GO_NOTE = GO_TEXT + "\n" + GO_PETER_SIGNATURE;

    private static final NoteVerifier PETER = NoteVerifier.parse(GO_VERIFIER_KEY);
    private static final NoteVerifier ENOCH = NoteVerifier.parse(GO_ENOCH_KEY);

    @Test
    void readsGosKeysAndSignsExactlyAsGoDoes() throws VerificationFailure {
        NoteSigner signer = NoteSigner.parse(GO_PRIVATE_KEY);

        assertThat(signer.verifier().verifierKey()).isEqualTo(GO_VERIFIER_KEY);
        assertThat(signer.name()).isEqualTo("PeterNeumann");
        assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
        assertThat(PETER.verifierKey()).isEqualTo(GO_VERIFIER_KEY);
        assertThat(signer.sign(GO_TEXT)).isEqualTo(GO_NOTE);
        assertThat(SignedNote.open(GO_NOTE, List.of(PETER))).isEqualTo(GO_TEXT);
        assertThat(SignedNote.parse(GO_NOTE).format()).isEqualTo(GO_NOTE);
    }

    @Test
    void opensANoteWhenEveryKnownKeyVerifiesAndIgnoresUnknownKeys() throws VerificationFailure {
        String both = GO_NOTE + GO_ENOCH_SIGNATURE;

        assertThat(SignedNote.open(both, List.of(PETER))).isEqualTo(GO_TEXT);
        assertThat(SignedNote.open(both, List.of(ENOCH))).isEqualTo(GO_TEXT);
        assertThat(SignedNote.open(both, List.of(PETER, ENOCH))).isEqualTo(GO_TEXT);
    }

    @Test
    void refusesAChangedText() {
        refused(GO_NOTE.replace("cryptography", "cryptographY"), PETER);
        refused("X" + GO_NOTE, PETER);
    }

    @Test
    void refusesASignatureByAnotherKeyOfTheSameName() {
        NoteSigner impostor = NoteSigner.parse(NoteSigner.generate("PeterNeumann"));

        assertThat(impostor.keyId()).isNotEqualTo(PETER.keyId());
        refused(impostor.sign(GO_TEXT), PETER);
        // Even when the impostor puts the real key's id on its signature.
        String forged = impostor.sign(GO_TEXT)
                .replaceFirst(
                        "PeterNeumann [A-Za-z0-9+/]{6}",
                        "PeterNeumann "
                                + GO_PETER_SIGNATURE.substring(
                                        "— PeterNeumann ".length(), "— PeterNeumann ".length() + 6));
        refused(forged, PETER);
    }

    @Test
    void refusesANoteSignedOnlyByUnknownKeys() {
        refused(GO_TEXT + "\n" + GO_ENOCH_SIGNATURE, PETER);
        refused(GO_NOTE, ENOCH);
        refused(GO_NOTE);
    }

    @Test
    void refusesANoteWhereAKnownKeysSignatureFailsEvenIfAnotherVerifies() {
        // Go's own case: four characters inserted into a known key's signature.
        String broken = GO_PETER_SIGNATURE.substring(0, 60) + "ABCD" + GO_PETER_SIGNATURE.substring(60);

        refused(GO_TEXT + "\n" + broken + GO_ENOCH_SIGNATURE, PETER, ENOCH);
        refused(GO_TEXT + "\n" + GO_ENOCH_SIGNATURE + broken, PETER, ENOCH);
    }

    @Test
    void readsUpToItsLimitOfSignaturesAndRefusesMore() throws VerificationFailure {
        assertThat(SignedNote.open(
                        GO_TEXT + "\n" + GO_PETER_SIGNATURE.repeat(SignedNote.MAX_SIGNATURES), List.of(PETER)))
                .isEqualTo(GO_TEXT);
        refused(GO_TEXT + "\n" + GO_PETER_SIGNATURE.repeat(SignedNote.MAX_SIGNATURES + 1), PETER);
        refused(GO_TEXT + "\n" + "x".repeat(SignedNote.MAX_LENGTH) + "\n", PETER);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "", // nothing
                "text\n", // no signatures
                "text\n\n", // a blank line and nothing after it
                "\n" // no text
            })
    void refusesNotesWithoutTextOrSignatures(String note) {
        refused(note, PETER);
    }

    @Test
    void refusesMalformedNotes() {
        // Go's badMsgs, and more.
        refused(GO_TEXT, PETER);
        refused(GO_TEXT + "\n", PETER);
        refused(GO_TEXT + "\n" + GO_PETER_SIGNATURE.strip(), PETER);
        refused("\u0001" + GO_NOTE, PETER);
        refused(GO_TEXT.replace(",", ",\r") + "\n" + GO_PETER_SIGNATURE, PETER);
        refused(GO_TEXT + "\n" + GO_PETER_SIGNATURE.replace("PeterNeumann", "Bad Name"), PETER);
        refused(GO_NOTE + "Unexpected line.\n", PETER);
        refused(GO_TEXT + GO_PETER_SIGNATURE, PETER); // no blank line
        refused(GO_TEXT + "\n" + GO_PETER_SIGNATURE.replace("— ", "- "), PETER);
        refused(GO_TEXT + "\n" + GO_PETER_SIGNATURE.replace("x08go", "x08g!"), PETER); // not base64
        refused(GO_TEXT + "\n" + "— PeterNeumann x08go/Y=\n", PETER); // too short
        refused(GO_TEXT + "\n" + "— PeterNeumann \n", PETER);
        refused(GO_TEXT + "\n" + "—  x08go/ZJkuBS9UG/Sffc\n", PETER); // no key name
        refused(GO_TEXT + "\n" + GO_PETER_SIGNATURE.replace("PeterNeumann", "Peter\tNeumann"), PETER);
    }

    @Test
    void refusesToParseSignatureLinesThatNameNoValidKey() {
        for (String name : List.of("", "Peter\tNeumann", "Peter+Neumann", "Peter\u00a0Neumann")) {
            String note = GO_TEXT + "\n" + GO_PETER_SIGNATURE.replace("PeterNeumann", name);
            assertThatExceptionOfType(VerificationFailure.class).as(note).isThrownBy(() -> SignedNote.parse(note));
        }
    }

    @Test
    void refusesToSignTextItCouldNotOpen() {
        NoteSigner signer = NoteSigner.parse(GO_PRIVATE_KEY);

        assertThatIllegalArgumentException().isThrownBy(() -> signer.sign("no newline"));
        assertThatIllegalArgumentException().isThrownBy(() -> signer.sign(""));
        assertThatIllegalArgumentException().isThrownBy(() -> signer.sign("a\u0000b\n"));
    }

    @Test
    void generatesKeysThatParseAndSign() throws VerificationFailure {
        NoteSigner signer = NoteSigner.parse(NoteSigner.generate("ledger.example/log"));
        NoteVerifier verifier = NoteVerifier.parse(signer.verifier().verifierKey());

        assertThat(SignedNote.open(signer.sign("hello\n"), List.of(verifier))).isEqualTo("hello\n");
        assertThat(signer.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void refusesEveryManglingOfAVerifierKey() {
        // Go's TestNewVerifier: every proper substring, and every single byte changed.
        for (String mangled : manglings(GO_VERIFIER_KEY)) {
            assertThatIllegalArgumentException().as(mangled).isThrownBy(() -> NoteVerifier.parse(mangled));
        }
        assertThatIllegalArgumentException() // a 34-byte key, with its id adjusted (Go's case)
                .isThrownBy(() -> NoteVerifier.parse(
                        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="));
        assertThatIllegalArgumentException() // another algorithm, with its id adjusted (Go's case)
                .isThrownBy(
                        () -> NoteVerifier.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
    }

    @Test
    void refusesEveryManglingOfAPrivateKey() {
        for (String mangled : manglings(GO_PRIVATE_KEY)) {
            assertThatIllegalArgumentException().as(mangled).isThrownBy(() -> NoteSigner.parse(mangled));
        }
    }

    @Test
    void saysWhatIsWrongWithAKeyWithoutEchoingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NoteSigner.parse(GO_PRIVATE_KEY.replace("PRIVATE+KEY", "PUBLIC+KEY")))
                .withMessageNotContaining("AYEKFALV");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NoteSigner.parse(GO_PRIVATE_KEY.replace("c74f20a3", "c74f20a4")))
                .withMessageContaining("does not match")
                .withMessageNotContaining("AYEKFALV");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> NoteVerifier.parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10"))
                .withMessageContaining("not an Ed25519 key");
    }

    /** Go's manglings: every proper substring, and each byte raised by one. */
    static List<String> manglings(String key) {
        java.util.ArrayList<String> manglings = new java.util.ArrayList<>();
        for (int i = 0; i <= key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) {
                if (i != 0 || j != key.length()) {
                    manglings.add(key.substring(i, j));
                }
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char[] chars = key.toCharArray();
            chars[i]++;
            manglings.add(new String(chars));
        }
        return manglings;
    }

    private static void refused(String note, NoteVerifier... verifiers) {
        assertThatExceptionOfType(VerificationFailure.class)
                .as(note)
                .isThrownBy(() -> SignedNote.open(note, List.of(verifiers)));
    }
}
