package org.passerelle.modules.offline;

import java.util.Set;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;

/** Which messages are worth keeping for later (XEP-0160 §3, XEP-0334 hints). */
final class Storable {
    static final String HINTS = "urn:xmpp:hints";

    /** Payloads that carry what a person wrote or must act on, even without a body. */
    private static final Set<String> CONTENT = Set.of(
            "eu.siacs.conversations.axolotl", // OMEMO (XEP-0384, legacy namespace)
            "urn:xmpp:omemo:2",
            "urn:xmpp:openpgp:0",              // XEP-0373
            "jabber:x:encrypted",              // XEP-0027
            "jabber:x:conference",             // XEP-0249 invitation
            "urn:xmpp:receipts",               // XEP-0184 receipt, so the sender's devices learn it
            "urn:xmpp:chat-markers:0");        // XEP-0333

    private Storable() {
    }

    static boolean isNoStore(Element message) {
        return message.child("no-store", HINTS) != null || message.child("no-permanent-store", HINTS) != null;
    }

    /** A body, a subject, a store hint, or one of the {@link #CONTENT} payloads; chat states alone are not. */
    static boolean hasContent(Element message) {
        if (message.child("body", Namespaces.CLIENT) != null || message.child("subject", Namespaces.CLIENT) != null
                || message.child("store", HINTS) != null) {
            return true;
        }
        for (Element child : message.elements()) {
            if (CONTENT.contains(child.namespace())) return true;
            if (child.is("x", "http://jabber.org/protocol/muc#user") && child.child("invite", child.namespace()) != null) return true;
        }
        return false;
    }
}
