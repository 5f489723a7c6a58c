/** Rebuilding the read model from the start of the topic into a new generation, then switching to it atomically. */
package io.commitmentsledger.projection.rebuild;
