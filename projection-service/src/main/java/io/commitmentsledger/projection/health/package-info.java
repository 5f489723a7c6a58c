/** Whether the projection keeps up: the health component that turns DOWN when it is stuck. */
@NullMarked
package io.commitmentsledger.projection.health;

import org.jspecify.annotations.NullMarked;
