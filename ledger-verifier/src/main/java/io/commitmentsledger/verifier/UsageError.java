package io.commitmentsledger.verifier;

/** The command line asks for something the verifier cannot do, or names input it cannot read: exit status 2. */
final class UsageError extends Exception {

    UsageError(String message) {
        super(message);
    }
}
