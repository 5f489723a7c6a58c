package io.commitmentsledger.projection.web;

/** A reader asked for a version the projection has not reached within the time it was willing to wait. */
class ProjectionLagging extends RuntimeException {

    private final long requiredVersion;
    private final long currentVersion;

    ProjectionLagging(String commitmentId, long requiredVersion, long currentVersion) {
        super("commitment " + commitmentId + " is visible at version " + currentVersion + ", not yet at "
                + requiredVersion);
        this.requiredVersion = requiredVersion;
        this.currentVersion = currentVersion;
    }

    long requiredVersion() {
        return requiredVersion;
    }

    long currentVersion() {
        return currentVersion;
    }
}
