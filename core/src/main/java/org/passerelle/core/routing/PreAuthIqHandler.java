package org.passerelle.core.routing;

import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/**
 * Answers an IQ that arrives on a stream before authentication (XEP-0077 in-band registration is
 * the one case). There is no session and no JID yet: the handler gets the element, the domain the
 * client asked for and its address, and returns the answer element to write back.
 */
@FunctionalInterface
public interface PreAuthIqHandler {
    Element handle(Element iq, DomainBareJid domain, String remoteAddress) throws StanzaException;
}
