/** Display names of partnerships, areas, countries and agencies: configuration both services share. */
@NullMarked
package io.commitmentsledger.contracts.names;

import org.jspecify.annotations.NullMarked;
