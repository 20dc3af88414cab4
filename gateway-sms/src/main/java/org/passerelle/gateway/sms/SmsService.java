package org.passerelle.gateway.sms;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.gateway.sms.smpp.SmsEncoding;
import org.passerelle.xml.Element;

/**
 * {@code sms.<domain>}: phones as contacts. A chat to {@code +33612345678@sms.<domain>} from a
 * user of the domain is texted as {@code user: text}; the phone's replies come back to whoever
 * wrote to it last. Subscriptions to a phone are accepted (it has no presence to share).
 */
final class SmsService {
    private final Gateway gateway;
    private final DomainBareJid domain;
    private final DomainBareJid service;

    SmsService(Gateway gateway, DomainBareJid domain) {
        this.gateway = gateway;
        this.domain = domain;
        this.service = gateway.gatewayOf(domain);
    }

    DomainBareJid jid() {
        return service;
    }

    boolean handle(Stanza stanza) {
        EntityBareJid user = stanza.from() == null ? null : stanza.from().asEntityBareJidIfPossible();
        boolean local = user != null && user.asDomainBareJid().equals(domain);
        if (stanza.isIq()) {
            if (stanza.isIqRequest()) gateway.server.router().route(answer(stanza, local));
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

    private Stanza answer(Stanza iq, boolean local) {
        Element payload = iq.element().firstElement();
        if (!local) return iq.error("forbidden", "for users of " + domain + " only");
        if (payload != null && payload.is("query", Namespaces.DISCO_INFO) && !iq.to().hasLocalpart() && payload.attr("node") == null) {
            Element.Builder q = Element.builder("query", Namespaces.DISCO_INFO)
                    .child(Element.builder("identity", Namespaces.DISCO_INFO).attr("category", "gateway").attr("type", "sms")
                            .attr("name", "SMS").build())
                    .child(Element.builder("feature", Namespaces.DISCO_INFO).attr("var", Namespaces.DISCO_INFO).build());
            return iq.result(q.build());
        }
        if (payload != null && payload.is("query", Namespaces.DISCO_ITEMS) && !iq.to().hasLocalpart()) {
            return iq.result(Element.of("query", Namespaces.DISCO_ITEMS));
        }
        return iq.error("service-unavailable", null);
    }
}
