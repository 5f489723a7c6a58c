/** projection-service: the read side, which turns the event stream into what people ask for. */
@NullMarked
package io.commitmentsledger.projection;

import org.jspecify.annotations.NullMarked;
