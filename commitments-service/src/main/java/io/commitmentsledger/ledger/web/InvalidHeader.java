package io.commitmentsledger.ledger.web;

/** A request header that cannot be understood, such as a malformed {@code If-Match}. Answered with 400. */
public class InvalidHeader extends RuntimeException {

    private final String header;

    public InvalidHeader(String header, String message) {
        super(header + " " + message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
