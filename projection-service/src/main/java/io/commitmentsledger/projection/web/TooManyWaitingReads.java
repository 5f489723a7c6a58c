package io.commitmentsledger.projection.web;

/** As many reads already wait for a version as the service lets wait at once. */
class TooManyWaitingReads extends RuntimeException {

    TooManyWaitingReads(int limit) {
        super(limit + " reads already wait for a version; ask again shortly");
    }
}
