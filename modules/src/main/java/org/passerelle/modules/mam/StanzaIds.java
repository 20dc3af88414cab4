package org.passerelle.modules.mam;

import org.jxmpp.jid.BareJid;
import org.passerelle.xml.Element;

/** XEP-0359 {@code <stanza-id/>}: the archive id an archive gives a message, named by the archive's JID. */
final class StanzaIds {
    static final String NS = "urn:xmpp:sid:0";

    private StanzaIds() {
    }

    /**
     * Removes stanza-ids that claim to come from the archive {@code by}: only the archive itself
     * may say under which id it keeps a message (XEP-0359 §7). Others' ids stay.
     */
    static Element strip(Element message, BareJid by) {
        String name = by.toString();
        boolean forged = false;
        for (Element id : message.children("stanza-id", NS)) forged |= name.equals(id.attr("by"));
        if (!forged) return message;
        return message.withChildren(message.children().stream()
                .filter(n -> !(n instanceof Element e && e.is("stanza-id", NS) && name.equals(e.attr("by")))).toList());
    }

    static Element stamp(Element message, BareJid by, String id) {
        return message.withChild(Element.builder("stanza-id", NS).attr("by", by.toString()).attr("id", id).build());
    }
}
