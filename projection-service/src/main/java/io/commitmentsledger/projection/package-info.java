/** projection-service: the read side, which turns the event stream into timelines people can query. */
package io.commitmentsledger.projection;
