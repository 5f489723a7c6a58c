/**
 * How both services' OpenAPI documents state what they really answer: one RFC 9457 Problem schema for every error
 * status, and record schemas whose required and nullable fields follow the records' nullness.
 */
@NullMarked
package io.commitmentsledger.web.openapi;

import org.jspecify.annotations.NullMarked;
