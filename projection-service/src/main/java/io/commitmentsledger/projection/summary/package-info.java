/**
 * Where a commitment stands, folded from its events by plain code (no I/O, no framework) that the live consumer,
 * {@code asOf} queries and rebuilds share, and the one-line summary of each event for its timeline.
 */
@NullMarked
package io.commitmentsledger.projection.summary;

import org.jspecify.annotations.NullMarked;
