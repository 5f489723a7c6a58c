/**
 * Upcasting: turns the JSON of an event recorded at an older revision into the shape of its current revision, as plain
 * transformations of JSON objects that any subscriber can apply, whatever JSON library it reads with.
 */
@NullMarked
package io.commitmentsledger.contracts.upcasting;

import org.jspecify.annotations.NullMarked;
