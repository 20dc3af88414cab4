package org.passerelle.core.store;

/** RFC 6121 §2.1.2.5 subscription states as stored (pending states are separate flags). */
public enum Subscription {
    NONE, TO, FROM, BOTH;

    public boolean hasTo() { return this == TO || this == BOTH; }

    public boolean hasFrom() { return this == FROM || this == BOTH; }

    public String attribute() { return name().toLowerCase(java.util.Locale.ROOT); }
}
