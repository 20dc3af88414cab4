package org.passerelle.xmpp.sasl;

/** One authentication exchange. Not thread-safe: one instance per attempt. */
public interface SaslMechanism {
    /** Handles the client's response (the initial response first; empty array when none). */
    SaslStep step(byte[] response) throws SaslException;

    /** The account the client claimed, once known, for rate limiting and logs (null before). */
    String claimedUser();
}
