package io.commitmentsledger.projection.web;

/** Nothing is known under this id (at this instant, for as-of queries). */
class NotFound extends RuntimeException {

    NotFound(String message) {
        super(message);
    }
}
