/** What every REST endpoint shares: RFC 9457 problem responses for shared failures, field and header parsing. */
@NullMarked
package io.commitmentsledger.ledger.web;

import org.jspecify.annotations.NullMarked;
