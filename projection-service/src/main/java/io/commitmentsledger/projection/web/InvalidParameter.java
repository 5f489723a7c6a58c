package io.commitmentsledger.projection.web;

/** A query parameter that cannot be understood. */
class InvalidParameter extends RuntimeException {

    InvalidParameter(String message) {
        super(message);
    }
}
