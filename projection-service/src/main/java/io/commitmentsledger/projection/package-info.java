/** projection-service: the read side, which turns the event stream into what people ask for. */
package io.commitmentsledger.projection;
