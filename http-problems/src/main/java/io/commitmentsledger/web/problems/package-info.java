/**
 * Problem+json for what the servlet container refuses before the application runs (malformed paths, oversized
 * headers, odd methods, broken framing) and for its error path, shared by both services.
 */
@NullMarked
package io.commitmentsledger.web.problems;

import org.jspecify.annotations.NullMarked;
