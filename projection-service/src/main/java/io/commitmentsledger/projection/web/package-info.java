/** The query API and the pages for people: commitments, their timelines, partnership overviews, and rebuilds. */
@NullMarked
package io.commitmentsledger.projection.web;

import org.jspecify.annotations.NullMarked;
