package org.passerelle.gateway.sms;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.gateway.sms.smpp.SmsEncoding;
import org.passerelle.xml.Element;

/**
 * {@code sms.<domain>}: phones as contacts. A chat to {@code +33612345678@sms.<domain>} from a
 * user of the domain is texted as {@code user: text}; the phone's replies come back to whoever
 * wrote to it last. Subscriptions to a phone are accepted (it has no presence to share). The
 * link command is listed and run here too (the adhoc module runs it), and gateway-aware clients
 * link by registering (XEP-0077) and address phones with {@code jabber:iq:gateway} (XEP-0100).
 */
final class SmsService {
    private static final String COMMANDS = "http://jabber.org/protocol/commands";
    private final Gateway gateway;
    private final DomainBareJid domain;
    private final DomainBareJid service;
    private final Registration registration;

    SmsService(Gateway gateway, PhoneLinking linking, DomainBareJid domain) {
        this.gateway = gateway;
        this.domain = domain;
        this.service = gateway.gatewayOf(domain);
        this.registration = new Registration(gateway, linking, service);
    }

    DomainBareJid jid() {
        return service;
    }

    boolean handle(Stanza stanza) {
        EntityBareJid user = stanza.from() == null ? null : stanza.from().asEntityBareJidIfPossible();
        boolean local = user != null && user.asDomainBareJid().equals(domain);
        if (stanza.isIq()) {
            if (stanza.isIqRequest()) {
                Stanza answer = answer(stanza, user, local);
                if (answer != null) gateway.server.router().route(answer);
            }
        } else if (stanza.isMessage()) {
            message(stanza, user, local);
        } else if (local && "subscribe".equals(stanza.type()) && Phones.of(stanza.to(), service) != null) {
            Jid phone = stanza.to().asBareJid();
            gateway.server.router().route(Stanza.of(Element.builder("presence", Namespaces.CLIENT).attr("type", "subscribed")
                    .attr("from", phone.toString()).attr("to", user.toString()).build(), phone, user));
        }
        return true;
    }

    private void message(Stanza m, EntityBareJid user, boolean local) {
        if ("error".equals(m.messageType())) return;
        String body = m.element().childText("body", m.element().namespace());
        String phone = Phones.of(m.to(), service);
        if (!local) {
            bounce(m, "forbidden", "only users of " + domain + " can text phones here");
        } else if (phone == null) {
            bounce(m, "item-not-found", "address phones as +<country><number>@" + service);
        } else if (body != null) {
            String text = user + ": " + body;
            int parts = SmsEncoding.parts(text);
            if (parts > gateway.options.maxParts()) {
                bounce(m, "not-acceptable", "the text needs " + parts + " SMS, the limit is " + gateway.options.maxParts());
                return;
            }
            gateway.store.setLastWriter(phone, user);
            gateway.text(user, phone, text, m);
        }
    }

    private void bounce(Stanza m, String condition, String text) {
        gateway.server.router().route(m.error(condition, text));
    }

    private Stanza answer(Stanza iq, EntityBareJid user, boolean local) {
        Element payload = iq.element().firstElement();
        if (!local) return iq.error("forbidden", "for users of " + domain + " only");
        if (payload == null || iq.to().hasLocalpart()) return iq.error("service-unavailable", null);
        if (payload.is("query", Addressing.NS)) return Addressing.answer(iq, service);
        if (payload.is("query", Registration.NS)) return registration.answer(iq, user);
        String node = payload.attr("node");
        if (payload.is("command", COMMANDS) && LinkCommand.NODE.equals(node)) {
            // The adhoc module runs it, as if asked at the user's domain; the answer comes from here.
            Stanza answer = gateway.server.iqs().dispatch(Destination.SERVER, iq.withTo(domain));
            return answer == null ? null : answer.withFrom(service);
        }
        if (payload.is("query", Namespaces.DISCO_INFO) && (node == null || LinkCommand.NODE.equals(node))) {
            return iq.result(node == null
                    ? info(node, identity("gateway", "sms", "SMS"), Namespaces.DISCO_INFO, COMMANDS, Addressing.NS, Registration.NS)
                    : info(node, identity("automation", "command-node", LinkCommand.NAME), COMMANDS, "jabber:x:data"));
        }
        if (payload.is("query", Namespaces.DISCO_ITEMS) && (node == null || COMMANDS.equals(node))) {
            Element.Builder q = Element.builder("query", Namespaces.DISCO_ITEMS).attr("node", node);
            if (node != null) {
                q.child(Element.builder("item", Namespaces.DISCO_ITEMS).attr("jid", service.toString()).attr("node", LinkCommand.NODE)
                        .attr("name", LinkCommand.NAME).build());
            }
            return iq.result(q.build());
        }
        return iq.error(node == null ? "service-unavailable" : "item-not-found", null);
    }

    private static Element identity(String category, String type, String name) {
        return Element.builder("identity", Namespaces.DISCO_INFO).attr("category", category).attr("type", type).attr("name", name).build();
    }

    private static Element info(String node, Element identity, String... features) {
        Element.Builder q = Element.builder("query", Namespaces.DISCO_INFO).attr("node", node).child(identity);
        for (String f : features) q.child(Element.builder("feature", Namespaces.DISCO_INFO).attr("var", f).build());
        return q.build();
    }
}
