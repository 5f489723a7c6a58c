package io.commitmentsledger.projection.web;

/** A query parameter that cannot be understood or used; the answer names it. */
class InvalidParameter extends RuntimeException {

    private final String parameter;

    InvalidParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
