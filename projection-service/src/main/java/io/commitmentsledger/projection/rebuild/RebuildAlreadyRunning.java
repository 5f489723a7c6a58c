package io.commitmentsledger.projection.rebuild;

/** A rebuild was asked for while one is in progress. */
public class RebuildAlreadyRunning extends RuntimeException {

    public RebuildAlreadyRunning() {
        super("a rebuild is already in progress; follow it at /api/v1/admin/rebuilds/current");
    }
}
