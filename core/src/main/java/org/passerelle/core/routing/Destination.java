package org.passerelle.core.routing;

/** Where on this server a stanza is addressed. */
public enum Destination {
    /** The server itself: {@code to} is a hosted domain, or absent on presence broadcasts. */
    SERVER,
    /** A local account's bare JID (RFC 6121 §8.5.2): the server acts for the account. */
    ACCOUNT,
    /** A local full JID (RFC 6121 §8.5.3). */
    RESOURCE
}
