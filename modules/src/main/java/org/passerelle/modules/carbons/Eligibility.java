package org.passerelle.modules.carbons;

import org.passerelle.core.routing.Domains;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.xml.Element;

/** Which messages are copied (XEP-0280 §6; see the package documentation). */
final class Eligibility {
    static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    private static final String[] IM_PAYLOADS = {"urn:xmpp:receipts", "http://jabber.org/protocol/chatstates",
            "urn:xmpp:chat-markers:0", "jabber:x:conference"};

    private Eligibility() {
    }

    static boolean sent(Stanza m) {
        return common(m) && instantMessage(m.element(), m.messageType());
    }

    static boolean received(Stanza m, Domains domains) {
        if (!common(m) || replayed(m.element(), domains)) return false;
        Element muc = m.element().child("x", MUC_USER);
        if (muc != null && muc.child("invite", MUC_USER) == null) return false;
        return instantMessage(m.element(), m.messageType());
    }

    private static boolean common(Stanza m) {
        if (!m.isMessage()) return false;
        String type = m.messageType();
        if (type.equals("groupchat") || type.equals("error")) return false;
        Element e = m.element();
        return e.child("private", CarbonsModule.NS) == null && e.child("no-copy", "urn:xmpp:hints") == null
                && e.child("sent", CarbonsModule.NS) == null && e.child("received", CarbonsModule.NS) == null;
    }

    private static boolean instantMessage(Element e, String type) {
        if (type.equals("chat")) return true;
        if (type.equals("normal") && e.child("body", Namespaces.CLIENT) != null) return true;
        for (String ns : IM_PAYLOADS) if (e.childIn(ns) != null) return true;
        Element muc = e.child("x", MUC_USER);
        return muc != null && muc.child("invite", MUC_USER) != null;
    }

    /** Offline storage stamps replayed messages with a delay from the server's own domain. */
    private static boolean replayed(Element e, Domains domains) {
        for (Element delay : e.children("delay", Namespaces.DELAY)) {
            String from = delay.attr("from");
            if (from != null && domains.all().stream().anyMatch(d -> d.toString().equals(from))) return true;
        }
        return false;
    }
}
