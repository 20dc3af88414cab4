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
 * Routes each reply mail once. A mail client that saw no {@code 250} (we crashed after routing)
 * sends the mail again; its key is kept with the {@code mail out} record in one transaction after
 * the routing, so a resend after that commit is recognised (not routed, not charged) and one
 * before it is routed again but was never charged. Two deliveries of one key at the same time
 * wait for each other on a lock (striped: two unrelated replies rarely share one, and then only
 * wait for a routing).
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
     * Runs {@code route} unless the key was routed before, then keeps the key with the records.
     * A store failure is thrown after the routing: the sender is told to try again, and the
     * resend is routed again and charged then.
     *
     * @return whether it was routed now
     */
    boolean routeOnce(EntityBareJid user, String key, Instant at, List<ChargingRecord> charges, Runnable route) {
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), STRIPES)];
        lock.lock();
        try {
            if (store.replySeen(key)) return false;
            route.run();
            // Another server on the same database may have kept it meanwhile: it charged, not us.
            if (!store.replyRouted(user, key, at, charges)) {
                LOG.debug("mail reply {} was kept by another server while routed here", key);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
