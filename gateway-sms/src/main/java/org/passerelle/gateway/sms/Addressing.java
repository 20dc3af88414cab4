package org.passerelle.gateway.sms;

import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.xml.Element;

/**
 * XEP-0100 §6.3, {@code jabber:iq:gateway}: the prompt a client shows to add a phone as a contact,
 * and the JID of a number as the user typed it ({@code +33 6 12 34 56 78} gives
 * {@code +33612345678@sms.<domain>}, the same normalisation as texts to phones).
 */
final class Addressing {
    static final String NS = "jabber:iq:gateway";
    static final String PROMPT = "Phone number";
    static final String DESC = "Enter the phone number of the person to text, in international form (+33 6 12 34 56 78, or 0033...).";

    private Addressing() {
    }

    static Stanza answer(Stanza iq, DomainBareJid service) {
        if ("get".equals(iq.type())) {
            return iq.result(Element.builder("query", NS).textChild("desc", NS, DESC).textChild("prompt", NS, PROMPT).build());
        }
        String typed = iq.element().firstElement().childText("prompt", NS);
        if (typed == null) return iq.error("bad-request", "the number goes in <prompt/>");
        String phone = Phones.normalise(typed);
        // XEP-0100 names no error: the text is no number we can address, so it is not acceptable (modify).
        if (phone == null) return iq.error("not-acceptable", "not an international phone number: " + typed.strip());
        return iq.result(Element.builder("query", NS).textChild("jid", NS, Phones.jid(phone, service).toString()).build());
    }
}
