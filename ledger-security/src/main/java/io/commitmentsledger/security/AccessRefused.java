package io.commitmentsledger.security;

/**
 * A caller who may not do what it asked, found past the endpoint's rule (the command's body names another actor, or
 * the commitment is not its party's): answered 403 with the rule's name, and nothing is recorded.
 */
public final class AccessRefused extends RuntimeException {

    private final String rule;

    public AccessRefused(String rule, String detail) {
        super(detail, null, false, false);
        this.rule = rule;
    }

    /** The rule's stable name, such as {@code actor-is-the-caller}. */
    public String rule() {
        return rule;
    }
}
