/** The REST resource that serves a commitment's recorded events. */
package io.commitmentsledger.ledger.history.web;
