/**
 * The read model in PostgreSQL: generations of tables (one schema each), applying events to them exactly once per
 * commitment and sequence, the queries readers ask of the active generation, and its sequence holes.
 */
@NullMarked
package io.commitmentsledger.projection.store;

import org.jspecify.annotations.NullMarked;
