package org.passerelle.modules.pep;

import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/** A stanza error with a XEP-0060 application condition ({@code <precondition-not-met/>}, ...) in {@code pubsub#errors}. */
final class PubsubException extends StanzaException {

    PubsubException(String condition, String pubsubCondition, String text) {
        this(condition, pubsubCondition, null, text);
    }

    private PubsubException(String condition, String pubsubCondition, String feature, String text) {
        super(condition, text, pubsubCondition == null ? null
                : Element.builder(pubsubCondition, Pubsub.ERRORS).attr("feature", feature).build());
    }

    /** {@code feature-not-implemented} with {@code <unsupported feature='...'/>} as XEP-0060 answers a request the service does not offer. */
    static PubsubException unsupported(String feature) {
        return new PubsubException("feature-not-implemented", "unsupported", feature, feature + " is not supported");
    }
}
