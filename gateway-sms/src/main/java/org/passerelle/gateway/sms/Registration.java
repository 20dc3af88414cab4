package org.passerelle.gateway.sms;

import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.SmsLink;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.xml.Element;

/**
 * XEP-0077 in-band registration with the gateway (XEP-0100 §4.1-4.3): registering links a phone,
 * with a XEP-0004 form ({@code phone}, {@code forwarding}, {@code code}). Registration has one
 * round, a code two: a set without a code sends one by SMS and is answered {@code not-acceptable}
 * with the form again and a text saying so (XEP-0077 §3.3's form in an error), the set with the
 * code links. {@code <remove/>} unlinks and cancels the subscriptions between user and gateway.
 */
final class Registration {
    static final String NS = "jabber:iq:register";

    private final Gateway gateway;
    private final PhoneLinking linking;
    private final DomainBareJid service;

    Registration(Gateway gateway, PhoneLinking linking, DomainBareJid service) {
        this.gateway = gateway;
        this.linking = linking;
        this.service = service;
    }

    /** The answer to a request from a user of the gateway's domain; null when it was routed here. */
    Stanza answer(Stanza iq, EntityBareJid user) {
        Element query = iq.element().firstElement();
        if ("get".equals(iq.type())) return iq.result(query(user));
        if (query.child("remove", NS) != null) return remove(iq, user, query);
        DataForm form = DataForm.find(query);
        if (form == null) return iq.error("bad-request", "submit the registration's data form (phone, forwarding, code)");
        String typed = form.value("phone");
        if (typed == null || typed.isBlank()) return iq.error("not-acceptable", "a phone number is required (to unlink, cancel the registration)");
        String phone = Phones.normalise(typed);
        if (phone == null) return iq.error("not-acceptable", "not an international number: " + typed.strip());
        SmsLink current = gateway.store.linkOf(user).orElse(null);
        String mode = form.value("forwarding") != null ? form.value("forwarding") : current != null ? current.forwarding() : Forwarding.OFFLINE;
        if (!Forwarding.validMode(mode)) return iq.error("bad-request", "forwarding must be off, offline or away");
        String code = form.value("code");
        boolean linkedHere = current != null && current.phone().equals(phone);
        if (code == null || code.isBlank() || linkedHere) return number(iq, user, phone, mode);
        PhoneLinking.Confirmation done = linking.confirm(user, phone, code, mode);
        return switch (done.kind()) {
            case LINKED -> iq.result(null);
            case WRONG -> withForm(iq.error("not-acceptable", "Wrong code for " + phone + ": try again."), user);
            case TOO_MANY_TRIES -> iq.error("not-acceptable", "Wrong code, too many tries: register again without a code to get a new one.");
            case EXPIRED -> iq.error("not-acceptable", "No code is waiting for " + phone
                    + " (it expired, or was sent to another number): register again without a code to get a new one.");
            case TAKEN -> iq.error("conflict", "This number is linked to another account.");
        };
    }

    private Stanza number(Stanza iq, EntityBareJid user, String phone, String mode) {
        PhoneLinking.Choice choice = linking.choose(user, phone, mode);
        return switch (choice.kind()) {
            case CODE_SENT -> withForm(iq.error("not-acceptable", "A code was sent by SMS to " + phone
                    + ": register again with it in the code field."), user);
            case MODE_CHANGED -> iq.result(null);
            case TAKEN -> iq.error("conflict", "This number is linked to another account.");
            case TOO_SOON -> iq.error("resource-constraint", "A code was sent a moment ago: wait a minute (at most "
                    + PhoneLinking.CODES_PER_NUMBER + " codes an hour to one number).");
            case INVALID, UNLINKED, NOTHING_TO_UNLINK -> iq.error("not-acceptable", "not an international number: " + phone);
        };
    }

    /** XEP-0100 §4.3: unlinked, the result, then the gateway cancels the subscriptions both ways and goes unavailable. */
    private Stanza remove(Stanza iq, EntityBareJid user, Element query) {
        if (query.elements().size() != 1) return iq.error("bad-request", "<remove/> must be alone in the query");
        if (linking.unlink(user) == null) return iq.error("registration-required", "no phone is linked");
        gateway.server.router().route(iq.result(null));
        for (String type : List.of("unsubscribe", "unsubscribed", "unavailable")) {
            gateway.server.router().route(Stanza.of(Element.builder("presence", Namespaces.CLIENT).attr("type", type)
                    .attr("from", service.toString()).attr("to", user.toString()).build(), service, user));
        }
        return null;
    }

    /** The registration query: instructions, {@code <registered/>} when linked, and the form with the values on file. */
    private Element query(EntityBareJid user) {
        SmsLink link = gateway.store.linkOf(user).orElse(null);
        String waiting = linking.waiting(user);
        String instructions;
        if (waiting != null) {
            instructions = "A code was sent by SMS to " + waiting + ": type it in the code field.";
        } else if (link != null) {
            instructions = "Your phone " + link.phone() + " is linked. Change the forwarding, or give another number: a code will be"
                    + " sent to it by SMS. Cancel the registration to unlink.";
        } else {
            instructions = "Give your phone number (+33 6 12 34 56 78): a code will be sent to it by SMS; register again with"
                    + " that code in the code field.";
        }
        Field phone = Field.textSingle("phone", "Phone number (E.164, e.g. +33612345678)").asRequired();
        String number = waiting != null ? waiting : link != null ? link.phone() : null;
        if (number != null) phone = phone.withValue(number);
        Field mode = LinkCommand.modeField(link != null ? link.forwarding() : Forwarding.OFFLINE);
        Field code = Field.textSingle("code", "Code received by SMS (empty: send me one)");
        Element.Builder q = Element.builder("query", NS).textChild("instructions", NS, instructions);
        if (link != null) q.child(Element.of("registered", NS));
        return q.child(DataForm.form(NS, "Link a phone for SMS", instructions, phone, mode, code).toElement()).build();
    }

    /** An error carrying the form again (XEP-0077 §3.3), for a client to ask for the code. */
    private Stanza withForm(Stanza error, EntityBareJid user) {
        return error.withElement(error.element().withChildren(List.of(query(user), error.element().firstElement())));
    }
}
