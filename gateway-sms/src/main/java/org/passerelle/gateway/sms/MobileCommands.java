package org.passerelle.gateway.sms;

import java.util.Map;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.store.SmsLink;
import org.passerelle.gateway.sms.commands.PhoneCommand;
import org.passerelle.xml.Element;

/** Carries out what a linked phone asks, as the user's mobile client, and answers by SMS when there is something to say. */
final class MobileCommands {
    private static final String ROSTER = "jabber:iq:roster";

    private final Gateway gateway;

    MobileCommands(Gateway gateway) {
        this.gateway = gateway;
    }

    void run(SmsLink link, String text) {
        EntityBareJid user = link.account();
        switch (PhoneCommand.parse(text)) {
            case PhoneCommand.Reply r -> gateway.store.contact(user, r.contact()).ifPresentOrElse(
                    jid -> chat(user, jid, r.text()),
                    () -> answer(link, "No contact " + r.contact() + ". Send ? for your contacts."));
            case PhoneCommand.Write w -> {
                Jid to = jid(w.jid());
                if (to == null) answer(link, "Not an address: " + w.jid());
                else {
                    gateway.store.contactNumber(user, to.toString());
                    chat(user, to.toString(), w.text());
                }
            }
            case PhoneCommand.Status s -> answer(link, status(link));
            case PhoneCommand.Add a -> {
                Jid jid = jid(a.jid());
                if (jid == null) {
                    answer(link, "Not an address: " + a.jid());
                    return;
                }
                int n = gateway.store.contactNumber(user, jid.toString());
                gateway.sendAs(user, Element.builder("presence", Namespaces.CLIENT).attr("to", jid.toString()).attr("type", "subscribe").build());
                answer(link, "Added " + n + " " + jid);
            }
            case PhoneCommand.Del d -> gateway.store.contact(user, d.contact()).ifPresentOrElse(jid -> {
                gateway.store.removeContact(user, d.contact());
                gateway.sendAs(user, Element.builder("iq", Namespaces.CLIENT).attr("type", "set").attr("id", "sms-del-" + d.contact())
                        .child(Element.builder("query", ROSTER).child(Element.builder("item", ROSTER).attr("jid", jid)
                                .attr("subscription", "remove").build()).build()).build());
                answer(link, "Removed " + d.contact() + " " + jid);
            }, () -> answer(link, "No contact " + d.contact() + "."));
            case PhoneCommand.On on -> {
                if (Forwarding.OFF.equals(link.forwarding())) gateway.store.setForwarding(user, Forwarding.OFFLINE);
                gateway.goOnline(user);
                answer(link, "You are online on mobile. OFF to go offline.");
            }
            case PhoneCommand.Off off -> {
                gateway.goOffline(user);
                answer(link, "You are offline. ON to go online.");
            }
            case PhoneCommand.Stop stop -> {
                gateway.goOffline(user);
                gateway.store.setForwarding(user, Forwarding.OFF);
                answer(link, "No more messages by SMS. Send ON to get them again.");
            }
            case PhoneCommand.Help h -> answer(link, PhoneCommand.HELP_TEXT);
        }
    }

    private void chat(EntityBareJid user, String to, String text) {
        gateway.sendAs(user, Element.builder("message", Namespaces.CLIENT).attr("to", to).attr("type", "chat")
                .textChild("body", Namespaces.CLIENT, text).build());
    }

    private String status(SmsLink link) {
        EntityBareJid user = link.account();
        StringBuilder sb = new StringBuilder(gateway.online(user) ? "You: online on mobile" : "You: offline");
        sb.append(", SMS ").append(link.forwarding());
        Map<Integer, String> contacts = gateway.store.contacts(user);
        if (contacts.isEmpty()) sb.append("\nNo contacts yet.");
        for (Map.Entry<Integer, String> c : contacts.entrySet()) {
            sb.append('\n').append(c.getKey()).append(' ').append(c.getValue()).append(": ").append(presence(c.getValue()));
        }
        return sb.toString();
    }

    /** Presence of a local contact from its sessions; a remote or phone contact reads "?". */
    private String presence(String contact) {
        Jid jid = jid(contact);
        if (jid == null || jid.asEntityBareJidIfPossible() == null || !gateway.server.domains().isLocal(jid.asDomainBareJid())) return "?";
        String best = "offline";
        for (Session s : gateway.server.sessions().sessions(jid.asEntityBareJidIfPossible())) {
            if (!s.isAvailable() || s instanceof MobileSession) continue;
            String show = s.presence().element().childText("show", Namespaces.CLIENT);
            if (show == null || show.equals("chat")) return "online";
            best = show;
        }
        return best;
    }

    private void answer(SmsLink link, String text) {
        gateway.text(link.account(), link.phone(), text, null);
    }

    private static Jid jid(String text) {
        try {
            Jid j = Jids.of(text);
            return j.hasResource() ? j.asBareJid() : j;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
