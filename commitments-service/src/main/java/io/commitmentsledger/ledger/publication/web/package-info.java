/** The operators' REST resource that publishes recorded events again, to fill a hole on the topic. */
@NullMarked
package io.commitmentsledger.ledger.publication.web;

import org.jspecify.annotations.NullMarked;
