package org.passerelle.core.store;

/** XEP-0060 §4.5 access models a personal node may have (no {@code authorize}: PEP has no subscription requests). */
public enum PubsubAccess {
    OPEN("open"),
    PRESENCE("presence"),
    ROSTER("roster"),
    WHITELIST("whitelist");

    private final String value;

    PubsubAccess(String value) {
        this.value = value;
    }

    /** The {@code pubsub#access_model} value. */
    public String value() {
        return value;
    }

    /** The model named by a form value; null when unknown. */
    public static PubsubAccess of(String value) {
        for (PubsubAccess a : values()) if (a.value.equals(value)) return a;
        return null;
    }
}
