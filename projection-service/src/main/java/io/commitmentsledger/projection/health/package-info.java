/**
 * Health: the {@code projection} component (DOWN when the projection is stuck), {@code recordVerification} (DOWN after
 * a refused record) and the {@code db} component.
 */
@NullMarked
package io.commitmentsledger.projection.health;

import org.jspecify.annotations.NullMarked;
