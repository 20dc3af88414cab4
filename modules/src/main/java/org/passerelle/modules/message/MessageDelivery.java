package org.passerelle.modules.message;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.event.AppAway;
import org.passerelle.core.event.MessageUndeliverable;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The RFC 6121 §8.5 rules for messages to a local account, by address form and message type. */
final class MessageDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(MessageDelivery.class);

    private final ServerContext server;

    MessageDelivery(ServerContext server) {
        this.server = server;
    }

    /** §8.5.2: to {@code localpart@domain}. The 'to' is never rewritten. */
    boolean toAccount(Stanza message) {
        EntityBareJid to = message.to().asEntityBareJidOrThrow();
        if (!exists(to)) return bounce(message); // §8.5.1
        switch (message.messageType()) {
            case "error" -> { } // §8.5.2.1.1: silently ignored
            case "groupchat" -> bounce(message);
            case "headline" -> nonNegative(to).forEach(s -> server.router().deliver(s, message));
            default -> toBest(to, message);
        }
        return true;
    }

    /** §8.5.3: to {@code localpart@domain/resource}. */
    boolean toResource(Stanza message) {
        EntityFullJid to = (EntityFullJid) message.to();
        Session session = server.sessions().get(to);
        if (session != null) {
            Stanza charged = settle(message);
            if (charged == null) return true;
            server.router().deliver(session, charged); // §8.5.3.1: available or only connected
            if (!session.attached() && wakes(charged)) server.events().publish(new AppAway(to.asEntityBareJid(), charged, false));
            return true;
        }
        if (!exists(to.asEntityBareJid())) return bounce(message);
        switch (message.messageType()) {
            case "chat" -> toBest(to.asEntityBareJid(), message); // §8.5.3.2.1: as if sent to the bare JID
            case "error", "headline" -> { } // ignored
            default -> bounce(message); // normal, groupchat: service-unavailable
        }
        return true;
    }

    /** Normal and chat: the most available resources, else whoever takes undeliverable messages. */
    private void toBest(EntityBareJid to, Stanza message) {
        List<Session> best = new ArrayList<>();
        int top = Integer.MIN_VALUE;
        for (Session s : nonNegative(to)) {
            if (s.priority() > top) {
                best.clear();
                top = s.priority();
            }
            if (s.priority() == top) best.add(s);
        }
        if (best.isEmpty()) {
            // No available resource, or only negative ones (§8.5.2.1.1 says treat those as none).
            if (wakes(message)) server.events().publish(new AppAway(to, message, true));
            if (!server.events().publish(new MessageUndeliverable(message))) bounce(message);
            return;
        }
        Stanza charged = settle(message);
        if (charged == null) return;
        for (Session s : best) server.router().deliver(s, charged);
        if (wakes(charged) && best.stream().noneMatch(Session::attached)) server.events().publish(new AppAway(to, charged, false));
    }

    /**
     * Writes the charging records the message owes before sessions get it (offline storage
     * writes them with the stored message instead). Null, and the sender told, when they cannot
     * be written: nothing is delivered uncharged.
     */
    private Stanza settle(Stanza message) {
        try {
            return server.charging().settle(message);
        } catch (RuntimeException e) {
            LOG.error("cannot write the charging records of a message to {}; refusing it", message.to(), e);
            server.router().bounce(message, "internal-server-error", "the message could not be charged");
            return null;
        }
    }

    /**
     * Only messages a person wrote to this user wake a phone: with a body (not chat states,
     * receipts or PEP events), and not a room's traffic (a busy room would ring, and bill by SMS,
     * for every line).
     */
    private static boolean wakes(Stanza message) {
        return message.element().child("body", message.element().namespace()) != null && !"groupchat".equals(message.type());
    }

    private List<Session> nonNegative(EntityBareJid account) {
        return server.sessions().sessions(account).stream().filter(s -> s.isAvailable() && s.priority() >= 0).toList();
    }

    private boolean exists(EntityBareJid account) {
        return !server.sessions().sessions(account).isEmpty() || server.accounts().exists(account);
    }

    private boolean bounce(Stanza message) {
        server.router().bounce(message, "service-unavailable", null);
        return true;
    }
}
