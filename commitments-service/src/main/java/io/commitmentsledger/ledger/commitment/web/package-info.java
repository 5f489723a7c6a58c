/** The REST command API agency systems post to: requests, their conversion into commands, and responses. */
package io.commitmentsledger.ledger.commitment.web;
