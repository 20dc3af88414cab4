package org.passerelle.it;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/** An IQ with a payload written out as XML, for protocol Smack 4.4 has no API for (publish-options, service registration forms). */
final class RawIq extends IQ {
    private final String inner;

    private RawIq(Type type, Jid to, String element, String namespace, String inner) {
        super(element, namespace);
        setType(type);
        setTo(to);
        this.inner = inner;
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
        if (inner.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        xml.append(inner);
        return xml;
    }
}
