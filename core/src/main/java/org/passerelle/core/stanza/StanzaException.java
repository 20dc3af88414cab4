package org.passerelle.core.stanza;

import org.passerelle.xml.Element;

/**
 * A stanza cannot be processed; {@link #condition()} is the RFC 6120 §8.3.3 condition
 * (e.g. {@code jid-malformed}, {@code bad-request}) for the error reply, and
 * {@link #applicationCondition()} an optional element a XEP defines beside it (§8.3.4:
 * XEP-0060's {@code <precondition-not-met/>}, XEP-0363's {@code <file-too-large/>}).
 */
public class StanzaException extends Exception {
    private final String condition;
    private final Element applicationCondition;

    public StanzaException(String condition, String message) {
        this(condition, message, null);
    }

    public StanzaException(String condition, String message, Element applicationCondition) {
        super(message);
        this.condition = condition;
        this.applicationCondition = applicationCondition;
    }

    public String condition() {
        return condition;
    }

    /** The application-specific condition element, or null. */
    public Element applicationCondition() {
        return applicationCondition;
    }
}
