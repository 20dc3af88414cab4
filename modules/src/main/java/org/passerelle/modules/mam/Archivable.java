package org.passerelle.modules.mam;

import java.util.Set;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.xml.Element;

/**
 * Which messages go into a user's archive (XEP-0313 §5.1.1, XEP-0334 hints): type chat or normal
 * with a body, an end-to-end encrypted payload or a {@code <store/>} hint; never errors, headlines
 * or groupchat (a room keeps its own archive), never with {@code <no-store/>} or
 * {@code <no-permanent-store/>}. Chat states, receipts and markers alone are not kept.
 */
final class Archivable {
    static final String HINTS = "urn:xmpp:hints";

    /** Encrypted payloads: the body is inside, often with only a fallback text outside. */
    private static final Set<String> ENCRYPTED = Set.of(
            "eu.siacs.conversations.axolotl", // OMEMO, legacy namespace
            "urn:xmpp:omemo:2",
            "urn:xmpp:openpgp:0",
            "jabber:x:encrypted");

    private Archivable() {
    }

    static boolean archivable(Stanza message) {
        if (!message.isMessage()) return false;
        String type = message.messageType();
        if (!type.equals("chat") && !type.equals("normal")) return false;
        Element e = message.element();
        if (e.child("no-store", HINTS) != null || e.child("no-permanent-store", HINTS) != null) return false;
        if (e.child("body", Namespaces.CLIENT) != null || e.child("store", HINTS) != null) return true;
        for (Element child : e.elements()) if (ENCRYPTED.contains(child.namespace())) return true;
        return false;
    }
}
