/** Whether the projection keeps up: the health component that turns DOWN when it is stuck. */
package io.commitmentsledger.projection.health;
