package org.passerelle.modules.presence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.event.InitialPresence;
import org.passerelle.core.event.PresenceUnavailable;
import org.passerelle.core.event.SessionEnded;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.session.SessionKey;
import org.passerelle.core.stanza.Delays;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RosterItem;
import org.passerelle.xml.Element;

/**
 * Presence broadcast (RFC 6121 §4): initial presence with its probes, updates, unavailable
 * presence, and directed presence (§4.6), whose recipients are remembered per session so that
 * they learn when it goes away.
 */
final class Broadcasts {
    /** Who got directed available presence from this session and has not had unavailable since. */
    private static final SessionKey<Set<Jid>> DIRECTED = SessionKey.of("presence.directed");
    /** Accounts whose last unavailable presence stays parsed in memory (a few hundred bytes each). */
    private static final int LAST_UNAVAILABLE_CACHE = 10_000;

    private final ServerContext server;
    private final Presences presences;
    private final Subscriptions subscriptions;
    /** The last unavailable presence of each account, for probes while it is offline (§4.3.2). */
    private final LastUnavailable lastUnavailable;

    Broadcasts(ServerContext server, Presences presences, Subscriptions subscriptions) {
        this.server = server;
        this.presences = presences;
        this.subscriptions = subscriptions;
        this.lastUnavailable = new LastUnavailable(server.stores().keyValue(), LAST_UNAVAILABLE_CACHE);
    }

    /** Available presence without a 'to' (§4.2.2 initial, §4.4.2 update). */
    void available(Session session, Stanza presence) {
        boolean initial = !session.isAvailable();
        session.setPresence(presence);
        EntityBareJid owner = session.bareJid();
        List<RosterItem> roster = server.stores().roster().items(owner);
        for (RosterItem item : roster) {
            if (item.subscription().hasFrom()) presences.route(presence.withTo(item.contact()));
        }
        // Our own resources, the sender included, are implicitly subscribed to us.
        for (Session s : server.sessions().sessions(owner)) {
            if (s.isAvailable()) server.router().deliver(s, presence.withTo(s.jid()));
        }
        if (!initial) return;
        for (Session other : server.sessions().sessions(owner)) {
            Stanza p = other.presence();
            if (other != session && p != null) server.router().deliver(session, p.withTo(session.jid()));
        }
        for (RosterItem item : roster) {
            if (item.subscription().hasTo()) presences.route(Presences.of(owner, item.contact(), Presences.PROBE));
        }
        subscriptions.redeliverPending(session);
        server.events().publish(new InitialPresence(session));
    }

    /** Unavailable presence without a 'to' (§4.5.2). */
    void unavailable(Session session, Stanza presence) {
        unavailable(session, presence, session.isAvailable());
    }

    /** {@code broadcast}: tell contacts and our other resources, not only directed-presence recipients. */
    private void unavailable(Session session, Stanza presence, boolean broadcast) {
        boolean wasAvailable = session.isAvailable();
        session.setPresence(null);
        Set<BareJid> told = new HashSet<>();
        if (broadcast) {
            for (RosterItem item : server.stores().roster().items(session.bareJid())) {
                if (item.subscription().hasFrom()) {
                    presences.route(presence.withTo(item.contact()));
                    told.add(item.contact());
                }
            }
            for (Session s : server.sessions().sessions(session.bareJid())) {
                if (s != session && s.isAvailable()) server.router().deliver(s, presence.withTo(s.jid()));
            }
        }
        Set<Jid> directed = session.get(DIRECTED);
        if (directed != null) {
            for (Jid to : directed) {
                if (!told.contains(to.asBareJid())) presences.route(presence.withTo(to));
            }
            session.set(DIRECTED, null);
        }
        if (wasAvailable) {
            lastUnavailable.save(session.bareJid(), withDelay(presence, session.bareJid()));
            server.events().publish(new PresenceUnavailable(session, presence));
        }
    }

    /** Directed presence (§4.6.2, §4.6.4): remember the recipient of available presence until unavailable. */
    void directed(Session session, Stanza presence) {
        Jid to = presence.to();
        if (to.equals(session.bareJid()) || to.equals(session.jid())) return;
        Set<Jid> directed = session.get(DIRECTED);
        if (presence.type() == null) {
            if (directed == null) {
                directed = ConcurrentHashMap.newKeySet();
                session.set(DIRECTED, directed);
            }
            directed.add(to);
        } else if (directed != null) {
            directed.remove(to);
        }
    }

    /** A session gone for good says unavailable for itself, if it had not (§4.5.2, §4.6.2). */
    boolean ended(SessionEnded event) {
        Session session = event.session();
        Stanza last = event.lastPresence();
        if (last != null && last.type() == null && !session.isAvailable()) session.setPresence(last);
        // When a newer session took the same full JID (RFC 6120 §7.7.2.2), its presence stands:
        // only the directed-presence recipients of the old one hear that it left.
        Session successor = server.sessions().get(session.jid());
        boolean replaced = successor != null && successor != session;
        Element e = Element.builder("presence", Namespaces.CLIENT).attr("type", Presences.UNAVAILABLE).build();
        unavailable(session, Stanza.of(e, session.jid(), null), session.isAvailable() && !replaced);
        return false;
    }

    /** The last unavailable presence element of an account with no available resource, or null if unknown. */
    Element lastUnavailable(EntityBareJid account) {
        return lastUnavailable.load(account);
    }

    boolean accountDeleted(EntityBareJid account) {
        lastUnavailable.delete(account);
        return false;
    }

    /** XEP-0203 delay on what is kept, so that a later reader knows when it was said. */
    private Stanza withDelay(Stanza presence, EntityBareJid account) {
        Instant now = server.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Element delay = Delays.delay(account.getDomain().toString(), now, null);
        return presence.withElement(presence.element().withoutChildren("delay", Namespaces.DELAY).withChild(delay));
    }
}
