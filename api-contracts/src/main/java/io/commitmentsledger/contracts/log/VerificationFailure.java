package io.commitmentsledger.contracts.log;

/** Something claimed by the log did not verify; the message says what, and where. */
public class VerificationFailure extends Exception {

    public VerificationFailure(String message) {
        super(message);
    }
}
