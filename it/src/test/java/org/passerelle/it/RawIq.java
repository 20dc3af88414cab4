package org.passerelle.it;

import java.util.Map;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/** An IQ with a payload written out as XML, for protocol Smack has no usable API for (publish-options, service registration forms, Jingle). */
final class RawIq extends IQ {
    private final Map<String, String> attributes;
    private final String inner;

    private RawIq(Type type, Jid to, String element, String namespace, Map<String, String> attributes, String inner) {
        super(element, namespace);
        setType(type);
        setTo(to);
        this.attributes = attributes;
        this.inner = inner;
    }

    private RawIq(Type type, Jid to, String element, String namespace, String inner) {
        this(type, to, element, namespace, Map.of(), inner);
    }

    /** Sends an IQ whose payload element has attributes besides its namespace; returns the result. */
    static IQ send(XMPPConnection c, Type type, Jid to, String element, String namespace, Map<String, String> attributes, String inner)
            throws Exception {
        return c.createStanzaCollectorAndSend(new RawIq(type, to, element, namespace, attributes, inner)).nextResultOrThrow();
    }

    /** The IQ unsent, for a caller that collects the answer itself. */
    static IQ of(Type type, Jid to, String element, String namespace, String inner) {
        return new RawIq(type, to, element, namespace, inner);
    }

    /** Sends the IQ and returns the result; an error answer is thrown as XMPPErrorException. */
    static IQ send(XMPPConnection c, Type type, Jid to, String element, String namespace, String inner) throws Exception {
        return c.createStanzaCollectorAndSend(new RawIq(type, to, element, namespace, inner)).nextResultOrThrow();
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        attributes.forEach(xml::attribute);
        if (inner.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        xml.append(inner);
        return xml;
    }
}
