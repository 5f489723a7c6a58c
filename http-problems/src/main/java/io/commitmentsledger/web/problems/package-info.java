/**
 * Problem+json for what the servlet container refuses before the application runs (malformed paths, oversized
 * headers, odd methods, broken framing), for its error path, and for the {@code Accept} and {@code Content-Type}
 * headers Spring MVC cannot use, shared by both services.
 */
@NullMarked
package io.commitmentsledger.web.problems;

import org.jspecify.annotations.NullMarked;
