package org.passerelle.core.stanza;

/**
 * A stanza cannot be processed; {@link #condition()} is the RFC 6120 §8.3.3 condition
 * (e.g. {@code jid-malformed}, {@code bad-request}) for the error reply.
 */
public class StanzaException extends Exception {
    private final String condition;

    public StanzaException(String condition, String message) {
        super(message);
        this.condition = condition;
    }

    public String condition() {
        return condition;
    }
}
