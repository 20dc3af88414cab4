package org.passerelle.modules.roster;

import java.util.List;
import java.util.TreeSet;
import org.jxmpp.jid.BareJid;
import org.passerelle.core.store.RosterItem;
import org.passerelle.xml.Element;

/** The {@code jabber:iq:roster} wire format (RFC 6121 §2.1). */
final class RosterXml {
    static final String NS = "jabber:iq:roster";
    static final String VERSIONING_FEATURE = "urn:xmpp:features:rosterver";

    private RosterXml() {
    }

    static Element item(RosterItem item) {
        Element.Builder b = Element.builder("item", NS).attr("jid", item.contact().toString()).attr("name", item.name())
                .attr("subscription", item.subscription().attribute());
        if (item.askOut()) b.attr("ask", "subscribe");
        if (item.preApproved()) b.attr("approved", "true");
        for (String group : new TreeSet<>(item.groups())) b.textChild("group", NS, group);
        return b.build();
    }

    /** The item of a push that tells clients the contact is gone (§2.5.2). */
    static Element removed(BareJid contact) {
        return Element.builder("item", NS).attr("jid", contact.toString()).attr("subscription", "remove").build();
    }

    /** {@code <query/>} with the version (null when versioning is off) and the items. */
    static Element query(String version, List<Element> items) {
        return Element.builder("query", NS).attr("ver", version).children(items).build();
    }
}
