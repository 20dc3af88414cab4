package org.passerelle.modules.carbons;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.xml.Element;

/** Makes and delivers the copies (the rules are in the package documentation). */
final class CarbonCopies {
    static final String FORWARD = "urn:xmpp:forward:0";

    private final ServerContext server;

    CarbonCopies(ServerContext server) {
        this.server = server;
    }

    /** Inbound interceptor: a client sent the message. */
    Stanza sent(Session sender, Stanza message) {
        if (message.to() == null || message.to().asBareJid().equals(sender.bareJid()) || !Eligibility.sent(message)) return message;
        for (Session s : server.sessions().sessions(sender.bareJid())) {
            if (s != sender && enabled(s)) server.router().deliver(s, wrap("sent", message, s));
        }
        return message;
    }

    /** Delivery interceptor: the message is being given to one of the recipient's sessions. */
    Stanza received(Session recipient, Stanza message) {
        if (!message.isMessage()) return message;
        if (message.element().child("private", CarbonsModule.NS) != null) {
            return message.withElement(message.element().withoutChildren("private", CarbonsModule.NS));
        }
        if (message.to() == null || !Eligibility.received(message, server.domains())) return message;
        List<Session> originals = originals(recipient, message);
        if (originals.getFirst() != recipient) return message;
        for (Session s : server.sessions().sessions(recipient.bareJid())) {
            if (enabled(s) && !originals.contains(s) && !s.jid().equals(message.from())) {
                server.router().deliver(s, wrap("received", message, s));
            }
        }
        return message;
    }

    /** The sessions that get the original, in JID order. */
    private List<Session> originals(Session recipient, Stanza message) {
        List<Session> out = new ArrayList<>();
        out.add(recipient);
        if (!message.to().hasResource()) {
            List<Session> all = server.sessions().sessions(recipient.bareJid());
            int top = all.stream().filter(Session::isAvailable).mapToInt(Session::priority).max().orElse(-1);
            for (Session s : all) {
                if (s != recipient && s.isAvailable() && top >= 0 && s.priority() == top) out.add(s);
            }
        }
        out.sort(Comparator.comparing(s -> s.jid().toString()));
        return out;
    }

    private static Stanza wrap(String direction, Stanza message, Session to) {
        Element forwarded = Element.builder("forwarded", FORWARD).child(message.element()).build();
        Element carbon = Element.builder("message", Namespaces.CLIENT).attr("type", message.type())
                .child(Element.builder(direction, CarbonsModule.NS).child(forwarded).build()).build();
        EntityBareJid account = to.bareJid();
        return Stanza.of(carbon, account, to.jid());
    }

    static boolean enabled(Session s) {
        return Boolean.TRUE.equals(s.get(CarbonsModule.ENABLED));
    }
}
