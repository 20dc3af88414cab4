package org.passerelle.xmpp.c2s;

import java.util.List;
import org.passerelle.core.event.SessionEnded;
import org.passerelle.core.event.SessionStarted;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting and ending client sessions: registry, events, the newer-session-wins conflict rule,
 * and what happens to stanzas the client never acknowledged. Runs on the session's worker.
 */
final class SessionLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLifecycle.class);
    private static final String CARBONS = "urn:xmpp:carbons:2";

    private final ServerContext server;
    private final String transport;

    /** {@code transport}: the metrics tag of sessions started here ("c2s", "websocket", "bosh"). */
    SessionLifecycle(ServerContext server, String transport) {
        this.server = server;
        this.transport = transport;
    }

    /** Registers the session; an older session with the same full JID is closed with {@code conflict}. */
    void start(C2sSession session) {
        Session replaced = server.sessions().add(session);
        session.transport = transport;
        server.metrics().sessionStarted(transport);
        if (replaced != null) {
            LOG.info("{} replaces an older session with the same resource", session.jid());
            replaced.close("conflict", "replaced by a new connection");
        }
        server.events().publish(new SessionStarted(session));
    }

    /**
     * Removes the session and tells the modules; then routes again the messages the client never
     * acknowledged (XEP-0198 §4), so they reach another resource or offline storage, not the void.
     */
    void end(C2sSession session, String reason) {
        if (session.ended) return;
        Stanza lastPresence = session.presence();
        List<Stanza> unacked = session.end();
        server.sessions().remove(session);
        server.metrics().sessionEnded(session.transport); // where it started, even if resumed elsewhere
        server.events().publish(new SessionEnded(session, lastPresence, reason));
        LOG.info("session {} ended: {}", session.jid(), reason);
        boolean othersAvailable = server.sessions().sessions(session.bareJid()).stream().anyMatch(Session::isAvailable);
        for (Stanza s : unacked) {
            if (routeAgain(s, session, othersAvailable)) server.router().route(s);
        }
    }

    /**
     * Messages (not errors, groupchat or carbons) sent to this session's full JID; and those sent to
     * the bare JID when no other resource is available: an available one usually got them too, as
     * the original or a carbon copy, and must not get them twice.
     */
    private static boolean routeAgain(Stanza s, C2sSession session, boolean othersAvailable) {
        if (!s.isMessage() || "error".equals(s.type()) || "groupchat".equals(s.type()) || s.element().childIn(CARBONS) != null) {
            return false;
        }
        return session.jid().equals(s.to()) || (!othersAvailable && session.bareJid().equals(s.to()));
    }
}
