package org.passerelle.server.portable;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.ScramCredential;
import org.passerelle.core.store.ScramHash;
import org.passerelle.core.store.Subscription;
import org.passerelle.xml.Element;

/**
 * XEP-0227 (version 1.1) names and the mapping of our records to its elements and back. What the
 * XEP has no place for (admin and disabled flags, blocking lists, last activity) goes in
 * elements of our own namespace, which the XEP allows and other servers ignore.
 */
final class PortableFormat {
    static final String PIE = "urn:xmpp:pie:0";
    static final String SCRAM = "urn:xmpp:pie:0#scram";
    static final String ROSTER = "jabber:iq:roster";
    static final String VCARD = "vcard-temp";
    static final String CLIENT = "jabber:client";
    static final String DELAY = "urn:xmpp:delay";
    static final String OURS = "urn:passerelle:pie:0";
    /** Key-value namespaces exported as {@code <data/>} of our own (the vCard has its standard element). */
    static final List<String> DATA_NAMESPACES = List.of("urn:xmpp:blocking", "jabber:iq:last");
    static final String OFFLINE_DELAY_TEXT = "Offline Storage";

    private PortableFormat() {
    }

    static Element credential(ScramCredential c) {
        Base64.Encoder b64 = Base64.getEncoder();
        return Element.builder("scram-credentials", SCRAM).attr("mechanism", c.hash().mechanism())
                .textChild("iter-count", SCRAM, Integer.toString(c.iterations()))
                .textChild("salt", SCRAM, b64.encodeToString(c.salt()))
                .textChild("server-key", SCRAM, b64.encodeToString(c.serverKey()))
                .textChild("stored-key", SCRAM, b64.encodeToString(c.storedKey()))
                .build();
    }

    /** The credential in a {@code <scram-credentials/>}, or null for a hash we do not support. */
    static ScramCredential credential(Element e) {
        ScramHash hash = null;
        for (ScramHash h : ScramHash.values()) if (h.mechanism().equals(e.attr("mechanism"))) hash = h;
        if (hash == null) return null;
        Base64.Decoder b64 = Base64.getMimeDecoder();
        return new ScramCredential(hash, b64.decode(e.childText("salt", SCRAM)), Integer.parseInt(e.childText("iter-count", SCRAM).strip()),
                b64.decode(e.childText("stored-key", SCRAM)), b64.decode(e.childText("server-key", SCRAM)));
    }

    /** An RFC 6121 roster item; pre-approval as {@code approved='true'}, a pending inbound request apart. */
    static Element item(RosterItem i) {
        Element.Builder b = Element.builder("item", ROSTER).attr("jid", i.contact().toString());
        if (i.name() != null) b.attr("name", i.name());
        b.attr("subscription", i.subscription().attribute());
        if (i.askOut()) b.attr("ask", "subscribe");
        if (i.preApproved()) b.attr("approved", "true");
        for (String g : i.groups().stream().sorted().toList()) b.textChild("group", ROSTER, g);
        return b.build();
    }

    static RosterItem item(Element e) {
        BareJid contact = Jids.of(e.attr("jid")).asBareJid();
        Set<String> groups = new LinkedHashSet<>();
        for (Element g : e.children("group", ROSTER)) groups.add(g.text());
        String sub = e.attr("subscription") == null ? "none" : e.attr("subscription");
        if (!List.of("none", "to", "from", "both").contains(sub)) {
            throw new IllegalArgumentException("subscription '" + sub + "' is not none, to, from or both");
        }
        Subscription subscription = Subscription.valueOf(sub.toUpperCase(java.util.Locale.ROOT));
        return new RosterItem(contact, e.attr("name"), groups, subscription, "subscribe".equals(e.attr("ask")), false,
                "true".equals(e.attr("approved")) || "1".equals(e.attr("approved")));
    }

    static Element delay(String domain, Instant stored) {
        return Element.builder("delay", DELAY).attr("from", domain).attr("stamp", stored.toString()).text(OFFLINE_DELAY_TEXT).build();
    }

    /** True for the delay this exporter (or our offline delivery) adds: removed again on import. */
    static boolean isOurDelay(Element child, String domain) {
        return child.is("delay", DELAY) && domain.equals(child.attr("from")) && OFFLINE_DELAY_TEXT.equals(child.text());
    }
}
