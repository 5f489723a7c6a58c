package io.commitmentsledger.ledger.log;

/**
 * The stored tree lacks a subtree that a root or proof needs: someone removed rows of the append-only log behind the
 * ledger's back. Nothing is signed or proven from it; {@code /verification} says which commitments it breaks.
 */
public class LogDamaged extends IllegalStateException {

    LogDamaged(String message) {
        super(message);
    }
}
