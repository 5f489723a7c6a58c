/** What every REST endpoint shares: RFC 9457 problem responses and request-header parsing. */
package io.commitmentsledger.ledger.web;
