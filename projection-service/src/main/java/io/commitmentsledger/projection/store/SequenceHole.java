package io.commitmentsledger.projection.store;

/**
 * A commitment whose events stopped at {@code missingSequence}: later ones ({@code parkedEvents} of them, the first
 * being {@code firstParkedSequence}) arrived and wait for it.
 */
public record SequenceHole(String commitmentId, long missingSequence, long firstParkedSequence, int parkedEvents) {}
