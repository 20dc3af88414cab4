package org.passerelle.modules.charging;

import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.event.GroupchatMessage;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.util.BoundedCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the messages local users send and receive over XMPP (channel {@code xmpp}, unit
 * {@code message}): one {@code out} for the sender when a client sends a chat or normal message
 * with a body, one {@code in} for a local recipient when it is routed to their account, one
 * {@code out} per groupchat message a room broadcasts. A message to a local account carries its
 * records ({@link Stanza#withCharge}) to the step that delivers it: the offline store writes them
 * with the message, the message module just before handing it to sessions; a message nobody
 * takes (blocked, bounced) is charged to nobody. What goes to a service (a room occupant) is
 * charged when the service takes it; if that record cannot be written the message is refused
 * (internal-server-error). The package documentation lists what is not billed.
 */
final class XmppTraffic {
    private static final Logger LOG = LoggerFactory.getLogger(XmppTraffic.class);
    static final String CHANNEL = "xmpp";
    /** A message routed again (XEP-0198: its session ended unacknowledged) is not received twice. */
    private static final int RECENT = 10_000;

    private final ServerContext server;
    private final Charges charges;
    private final List<String> gatewayLabels;
    private final BoundedCache<String, Boolean> recent = new BoundedCache<>(RECENT);

    XmppTraffic(ServerContext server, Charges charges, List<String> gatewayLabels) {
        this.server = server;
        this.charges = charges;
        this.gatewayLabels = gatewayLabels;
    }

    /**
     * Inbound interceptor: a local client sent the message. A gateway's session for the user (an
     * answer by SMS) is not an XMPP client: the gateway bills that message on its own channel.
     */
    Stanza sent(Session sender, Stanza message) throws StanzaException {
        if (!billable(message) || gatewayLabels.contains(sender.transport())) return message;
        Jid to = message.to();
        if (to.asBareJid().equals(sender.bareJid()) || !xmppPeer(to, true)) return message;
        ChargingRecord out = price(sender.bareJid(), to.asBareJid().toString(), "out");
        if (out == null) return message;
        if (server.domains().isLocal(to.asDomainBareJid())) return message.withCharge(out);
        write(out); // a service's copy to the occupant is another stanza: the service taking it is the event
        return message;
    }

    /** Local interceptor: the message is routed to a local account, from anywhere. */
    Stanza received(Destination destination, Stanza message) throws StanzaException {
        if (!billable(message)) return message;
        EntityBareJid owner = message.to().asEntityBareJidIfPossible();
        Jid from = message.from();
        if (owner == null || from == null || !from.hasLocalpart() || from.asBareJid().equals(owner) || !xmppPeer(from, false)) {
            return message;
        }
        if (!delivered(destination, message, owner) || seenBefore(owner, message)) return message;
        ChargingRecord in = price(owner, from.asBareJid().toString(), "in");
        return in == null ? message : message.withCharge(in);
    }

    /** Listener for {@link GroupchatMessage}: a room broadcasts what a local occupant said, billed once. */
    boolean groupchat(GroupchatMessage e) {
        EntityBareJid sender = e.sender().asEntityBareJid();
        if (!server.domains().isLocal(sender.asDomainBareJid())) return false;
        ChargingRecord out = price(sender, e.room().toString(), "out");
        if (out == null) return false;
        try {
            write(out);
        } catch (StanzaException ex) {
            LOG.error("a groupchat message of {} in {} was broadcast uncharged", sender, e.room());
        }
        return false;
    }

    private ChargingRecord price(EntityBareJid user, String peer, String direction) {
        return charges.price(server.clock().instant(), user, peer, CHANNEL, direction, "message", 1);
    }

    private void write(ChargingRecord record) throws StanzaException {
        try {
            server.stores().charging().add(record);
        } catch (RuntimeException e) {
            LOG.error("cannot write the charging record of a message {} for {}; refusing the message", record.direction(), record.user(), e);
            throw new StanzaException("internal-server-error", "the message could not be charged");
        }
    }

    /** Chat and normal messages with a body; never errors, headlines, groupchat copies, chat states or receipts alone. */
    private static boolean billable(Stanza message) {
        if (!message.isMessage() || message.to() == null) return false;
        String type = message.messageType();
        return (type.equals("chat") || type.equals("normal")) && message.element().child("body", Namespaces.CLIENT) != null;
    }

    /**
     * XMPP traffic: an account of a hosted domain (when sending: one that exists, else the message
     * bounces), or a service under a hosted domain that is not a gateway (a room's occupant).
     * Remote domains are not reached until s2s exists; gateways bill on their own channel.
     */
    private boolean xmppPeer(Jid peer, boolean sending) {
        DomainBareJid domain = peer.asDomainBareJid();
        if (server.domains().isLocal(domain)) {
            if (!peer.hasLocalpart()) return false;
            if (!sending) return true;
            EntityBareJid account = peer.asEntityBareJidOrThrow();
            return !server.sessions().sessions(account).isEmpty() || server.accounts().exists(account);
        }
        String name = domain.toString();
        int dot = name.indexOf('.');
        if (dot < 0) return false;
        String parent = name.substring(dot + 1);
        if (server.domains().all().stream().noneMatch(d -> d.toString().equals(parent))) return false;
        return !gatewayLabels.contains(name.substring(0, dot));
    }

    /** As the message module decides (RFC 6121 §8.5): the account exists, a normal message to a full JID finds its session. */
    private boolean delivered(Destination destination, Stanza message, EntityBareJid owner) {
        if (destination == Destination.RESOURCE && !"chat".equals(message.messageType())
                && server.sessions().get((EntityFullJid) message.to()) == null) {
            return false;
        }
        return !server.sessions().sessions(owner).isEmpty() || server.accounts().exists(owner);
    }

    /** Only messages with an id are recognised; the same sender, id and body within the last few thousand is the same message. */
    private boolean seenBefore(EntityBareJid owner, Stanza message) {
        String id = message.id();
        if (id == null) return false;
        String key = owner + "\n" + message.from() + "\n" + id + "\n" + message.element().childText("body", Namespaces.CLIENT);
        if (recent.get(key) != null) return true;
        recent.put(key, Boolean.TRUE);
        return false;
    }
}
