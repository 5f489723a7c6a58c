package io.commitmentsledger.contracts;

/** How a workshop meets. */
public enum WorkshopFormat {
    IN_PERSON,
    ONLINE,
    HYBRID
}
