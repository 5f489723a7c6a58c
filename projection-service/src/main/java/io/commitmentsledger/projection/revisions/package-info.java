/**
 * Reads an event's JSON recorded at any known revision into the event's current revision, through api-contracts'
 * upcasters: for records off the topic and for events the read model stored before an upgrade alike.
 */
@NullMarked
package io.commitmentsledger.projection.revisions;

import org.jspecify.annotations.NullMarked;
