/** Rebuilding the read model from the start of the topic into a new generation, then switching to it atomically. */
@NullMarked
package io.commitmentsledger.projection.rebuild;

import org.jspecify.annotations.NullMarked;
