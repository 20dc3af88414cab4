package org.passerelle.xmpp.sasl;

/** Authentication failed; {@link #condition()} is the RFC 6120 §6.5 SASL failure condition. */
public final class SaslException extends Exception {
    private final String condition;

    public SaslException(String condition, String message) {
        super(message);
        this.condition = condition;
    }

    public String condition() {
        return condition;
    }
}
