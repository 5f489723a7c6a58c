/** The REST resource that serves a commitment's recorded events. */
@NullMarked
package io.commitmentsledger.ledger.history.web;

import org.jspecify.annotations.NullMarked;
