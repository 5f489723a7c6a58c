/**
 * The read model in PostgreSQL: generations of tables (one schema each), applying events to them exactly once per
 * commitment and sequence, and the queries the API answers from the active generation.
 */
package io.commitmentsledger.projection.store;
