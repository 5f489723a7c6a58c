/** The query API: commitments, their timelines, partnership overviews, and the rebuild operation. */
package io.commitmentsledger.projection.web;
