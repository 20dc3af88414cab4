package org.passerelle.modules.pep;

import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaErrors;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/** A stanza error with a XEP-0060 application condition ({@code <precondition-not-met/>}, ...) in {@code pubsub#errors}. */
final class PubsubException extends StanzaException {
    private final String pubsubCondition;
    private final String feature;

    PubsubException(String condition, String pubsubCondition, String text) {
        this(condition, pubsubCondition, null, text);
    }

    private PubsubException(String condition, String pubsubCondition, String feature, String text) {
        super(condition, text);
        this.pubsubCondition = pubsubCondition;
        this.feature = feature;
    }

    /** {@code feature-not-implemented} with {@code <unsupported feature='...'/>} as XEP-0060 answers a request the service does not offer. */
    static PubsubException unsupported(String feature) {
        return new PubsubException("feature-not-implemented", "unsupported", feature, feature + " is not supported");
    }

    /** The error answer to the request, with both conditions. */
    Stanza reply(Stanza request) {
        Element error = StanzaErrors.errorElement(condition(), getMessage());
        if (pubsubCondition != null) {
            error = error.withChild(Element.builder(pubsubCondition, Pubsub.ERRORS).attr("feature", feature).build());
        }
        Element iq = Element.builder("iq", Namespaces.CLIENT).attr("type", "error").attr("id", request.id()).child(error).build();
        return Stanza.of(iq, request.to(), request.from());
    }
}
