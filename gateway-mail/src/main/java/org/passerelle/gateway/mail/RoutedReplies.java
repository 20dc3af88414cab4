package org.passerelle.gateway.mail;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.MailStore;
import org.passerelle.core.util.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each reply mail once. The reply's {@code mail out} record travels with the routed
 * message and is written with its delivery (offline storage, or just before the hand-over to the
 * peer's sessions), so a reply is charged exactly when it is delivered. A mail client that saw no
 * {@code 250} (we crashed) sends the mail again: its key, kept after the routing, makes a resend
 * after that commit recognised (not routed, not charged again); a resend before it is delivered
 * and charged again, as it is a second delivery. Two deliveries of one key at the same time wait
 * for each other on a lock (striped: two unrelated replies rarely share one, and then only wait
 * for a routing).
 */
final class RoutedReplies {
    private static final Logger LOG = LoggerFactory.getLogger(RoutedReplies.class);
    private static final int STRIPES = 64;

    private final MailStore store;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    RoutedReplies(MailStore store) {
        this.store = store;
        for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
    }

    /**
     * The key of a reply to one reply address: its Message-ID, or without one its Date and text
     * (a resend is the same mail, byte for byte). Hashed: a Message-ID may be long, and the text
     * is not kept.
     */
    static String key(String token, String messageId, String date, String text) {
        if (messageId != null && !messageId.isBlank()) {
            return Digests.sha256Hex("message-id\n" + token + "\n" + messageId.strip());
        }
        return Digests.sha256Hex("text\n" + token + "\n" + (date == null ? "" : date.strip()) + "\n" + text);
    }

    /**
     * Runs {@code route} unless the key was routed before, then keeps the key. A store failure is
     * thrown after the routing: the sender is told to try again, and a resend is a new delivery.
     *
     * @return whether it was routed now
     */
    boolean routeOnce(EntityBareJid user, String key, Instant at, Runnable route) {
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), STRIPES)];
        lock.lock();
        try {
            if (store.replySeen(key)) return false;
            route.run();
            // Another server on the same database may have routed it meanwhile.
            if (!store.replyRouted(user, key, at)) {
                LOG.debug("mail reply {} was kept by another server while routed here", key);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
