/** The embedded default: a real PostgreSQL started from Maven binaries when no external database is configured. */
package io.commitmentsledger.embedded;
