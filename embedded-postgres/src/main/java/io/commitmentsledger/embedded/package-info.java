/** The embedded default: a real PostgreSQL started from Maven binaries when no external database is configured. */
@NullMarked
package io.commitmentsledger.embedded;

import org.jspecify.annotations.NullMarked;
