package org.passerelle.modules.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.InitialPresence;
import org.passerelle.core.event.MessageUndeliverable;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Delays;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.OfflineMessage;
import org.passerelle.core.store.OfflineStore;
import org.passerelle.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps undeliverable messages and hands them over at the next initial presence. Storing and
 * handing over take the same per-account lock, so a message stored while its recipient comes
 * online is not left behind, and two sessions coming online together do not both get it.
 */
final class OfflineQueue {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineQueue.class);

    private final ServerContext server;
    private final OfflineStore store;
    private final int quota;
    private final ReentrantLock[] locks = new ReentrantLock[64];

    OfflineQueue(ServerContext server) {
        this.server = server;
        this.store = server.stores().offline();
        this.quota = server.config().limits().offlineMessages();
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
    }

    /** Takes normal and chat messages; the others go on to the next listener, or bounce. */
    boolean undeliverable(MessageUndeliverable event) {
        Stanza message = event.message();
        String type = message.messageType();
        if (!type.equals("normal") && !type.equals("chat")) return false;
        if (quota == 0 || Storable.isNoStore(message.element())) return false;
        if (!Storable.hasContent(message.element())) return true; // e.g. a chat state: nothing to keep, nothing to report
        EntityBareJid owner = message.to().asEntityBareJidOrThrow();
        boolean stored;
        ReentrantLock lock = lock(owner);
        lock.lock();
        try {
            stored = store.store(owner, new OfflineMessage(0, server.clock().instant(), message.element()), quota, message.charges());
            if (stored) {
                server.metrics().offlineStored();
                handOverIfOnline(owner);
            }
        } finally {
            lock.unlock();
        }
        // XEP-0160 §2: a full store is reported to the sender as service-unavailable.
        if (!stored) server.router().bounce(message, "service-unavailable", "the recipient's offline storage is full");
        return true;
    }

    /** The session is available: it gets what was kept, if its priority says it wants messages. */
    boolean initialPresence(InitialPresence event) {
        Session session = event.session();
        if (session.priority() < 0) return false;
        ReentrantLock lock = lock(session.bareJid());
        lock.lock();
        try {
            handOver(session);
        } finally {
            lock.unlock();
        }
        return false;
    }

    boolean deleteAll(EntityBareJid account) {
        store.deleteAll(account);
        return false;
    }

    /** The recipient came online between the router's look and the store: give it over now. */
    private void handOverIfOnline(EntityBareJid owner) {
        Session best = null;
        for (Session s : server.sessions().sessions(owner)) {
            if (s.isAvailable() && s.priority() >= 0 && (best == null || s.priority() > best.priority())) best = s;
        }
        if (best != null) handOver(best);
    }

    /** Oldest first; each is deleted only once it has been given to the session. */
    private void handOver(Session session) {
        List<Long> delivered = new ArrayList<>();
        for (OfflineMessage m : store.list(session.bareJid())) {
            try {
                server.router().deliver(session, Stanza.parse(withDelay(m, session.bareJid())));
            } catch (StanzaException e) {
                LOG.warn("dropping an unreadable offline message {} for {}", m.id(), session.bareJid(), e);
            }
            delivered.add(m.id());
        }
        if (!delivered.isEmpty()) {
            store.delete(session.bareJid(), delivered);
            server.metrics().offlineDelivered(delivered.size());
        }
    }

    /** XEP-0203: when the server received it, stamped by the recipient's domain. */
    private static Element withDelay(OfflineMessage m, EntityBareJid owner) {
        Element delay = Delays.delay(owner.getDomain().toString(), m.stored(), "Offline Storage");
        return m.stanza().withChild(delay); // a delay added on the way stays: each names who added it
    }

    private ReentrantLock lock(EntityBareJid owner) {
        return locks[Math.floorMod(owner.hashCode(), locks.length)];
    }
}
