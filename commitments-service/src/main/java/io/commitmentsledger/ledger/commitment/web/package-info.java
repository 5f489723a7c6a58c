/** The REST command API agency systems post to: requests, their conversion into commands, and responses. */
@NullMarked
package io.commitmentsledger.ledger.commitment.web;

import org.jspecify.annotations.NullMarked;
