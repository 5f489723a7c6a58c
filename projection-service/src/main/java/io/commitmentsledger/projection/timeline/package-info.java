/**
 * The read model's domain: what a commitment looks like to readers (its summary) and its timeline, both folded
 * from its events by plain code that the live consumer, {@code asOf} queries and rebuilds share.
 */
package io.commitmentsledger.projection.timeline;
