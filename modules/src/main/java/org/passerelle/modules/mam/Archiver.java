package org.passerelle.modules.mam;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.ArchiveFilter;
import org.passerelle.core.store.ArchiveStore;
import org.passerelle.core.store.ArchivedMessage;
import org.passerelle.core.store.RosterItem;
import org.passerelle.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one-to-one messages into their sender's and their local recipient's archives, each as its
 * owner's preferences allow, and gives the recipient's archive id to what is delivered. Both
 * writes are done (durable) before the message goes on; one that fails is logged, and the
 * message goes on without it.
 */
final class Archiver {
    private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);

    private final ServerContext server;
    private final ArchiveStore store;
    private final Preferences prefs;

    Archiver(ServerContext server, Preferences prefs) {
        this.server = server;
        this.store = server.stores().archive();
        this.prefs = prefs;
    }

    /** Inbound interceptor: a client sent the message; it goes into the sender's archive as outgoing. */
    Stanza sent(Session sender, Stanza message) {
        // A message to oneself is archived once, as it arrives.
        if (!message.isMessage() || message.to() == null || message.to().asBareJid().equals(sender.bareJid())) return message;
        if (!Archivable.archivable(message)) return message;
        EntityBareJid owner = sender.bareJid();
        Jid peer = message.to();
        if (prefs.of(owner).archives(peer, inRoster(owner, peer))) append(owner, peer, true, message.element());
        return message;
    }

    /**
     * Local interceptor: a message to a local account from anywhere. Forged stanza-ids in the
     * recipient's name go; when archived as incoming, the archive id is added for the recipient.
     */
    Stanza received(Destination destination, Stanza message) {
        if (!message.isMessage()) return message;
        EntityBareJid owner = message.to().asEntityBareJidIfPossible();
        if (owner == null) return message;
        Element clean = StanzaIds.strip(message.element(), owner);
        if (clean != message.element() && archivedAs(owner, message.element(), clean)) return message;
        Stanza stanza = clean == message.element() ? message : message.withElement(clean);
        Jid peer = stanza.from();
        if (peer == null || !Archivable.archivable(stanza) || !delivered(destination, stanza, owner)) return stanza;
        if (!prefs.of(owner).archives(peer, inRoster(owner, peer))) return stanza;
        ArchivedMessage kept = append(owner, peer, false, clean);
        return kept == null ? stanza : stanza.withElement(StanzaIds.stamp(clean, owner, kept.id()));
    }

    /** A failed archive write is logged and the message goes on: delivering it matters more than archiving it. */
    private ArchivedMessage append(EntityBareJid owner, Jid peer, boolean outgoing, Element message) {
        try {
            return store.append(owner, new ArchivedMessage(null, server.clock().instant(), peer, outgoing, message));
        } catch (RuntimeException e) {
            LOG.warn("could not archive a message for {}; delivering it unarchived", owner, e);
            return null;
        }
    }

    /**
     * A message routed again (XEP-0198: its session ended before acknowledging it) comes back with
     * the id it was archived under: it is that archived message, not a new one, and keeps its id.
     * A stanza-id that does not name this very message is a forgery, and is removed.
     */
    private boolean archivedAs(EntityBareJid owner, Element message, Element clean) {
        for (Element sid : message.children("stanza-id", StanzaIds.NS)) {
            if (!owner.toString().equals(sid.attr("by"))) continue;
            // Only the first one in the owner's name is looked up: a sender cannot make us search for many.
            if (sid.attr("id") == null) return false;
            ArchiveFilter one = new ArchiveFilter(null, null, null, null, null, List.of(sid.attr("id")));
            List<ArchivedMessage> found = store.page(owner, one, null, null, false, 1).messages();
            return !found.isEmpty() && found.getFirst().stanza().equals(clean);
        }
        return false;
    }

    /**
     * Whether the message module will deliver or keep the message rather than bounce it (RFC 6121
     * §8.5): the account exists, and a normal message to a full JID finds that session.
     */
    private boolean delivered(Destination destination, Stanza message, EntityBareJid owner) {
        if (destination == Destination.RESOURCE && !"chat".equals(message.messageType())
                && server.sessions().get((EntityFullJid) message.to()) == null) {
            return false;
        }
        return !server.sessions().sessions(owner).isEmpty() || server.accounts().exists(owner);
    }

    private BooleanSupplier inRoster(EntityBareJid owner, Jid peer) {
        return () -> server.stores().roster().item(owner, peer.asBareJid()).filter(RosterItem::listed).isPresent();
    }
}
