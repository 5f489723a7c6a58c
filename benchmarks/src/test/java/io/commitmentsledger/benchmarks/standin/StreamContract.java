package io.commitmentsledger.benchmarks.standin;

/**
 * A stand-in for the stream half's contract (package {@code io.commitmentsledger.benchmarks.streams}), with the same
 * type names and shapes, so StreamHalfTest checks the seam without the stream half's code. Never used in a run.
 */
public final class StreamContract {
    private StreamContract() {}
}
