package io.commitmentsledger.contracts.upcasting;

/**
 * An event of a revision newer than the newest this version of api-contracts knows: it was recorded by a newer ledger.
 * Reading it into the older shape could silently drop or misread fields, so it is refused; a subscriber upgraded to
 * the api-contracts that knows the revision reads it.
 */
public class RevisionNotYetKnown extends RuntimeException {

    private final String eventName;
    private final int revision;
    private final int newestKnown;

    public RevisionNotYetKnown(String eventName, int revision, int newestKnown) {
        super(eventName + " revision " + revision + " is newer than this version of api-contracts knows (revision "
                + newestKnown + "); it needs an upgraded subscriber");
        this.eventName = eventName;
        this.revision = revision;
        this.newestKnown = newestKnown;
    }

    public String eventName() {
        return eventName;
    }

    public int revision() {
        return revision;
    }

    public int newestKnown() {
        return newestKnown;
    }
}
