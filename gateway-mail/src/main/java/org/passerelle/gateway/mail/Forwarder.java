package org.passerelle.gateway.mail;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.charging.Chargeable;
import org.passerelle.core.event.MessageUndeliverable;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.MailStore;
import org.passerelle.core.store.MailSubscription;
import org.passerelle.core.store.PendingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the messages that reach a subscribed user offline (a copy: they still go to offline
 * storage) and mails them in batches: a user's mail goes {@code batchSeconds} after the first
 * message waiting. The queue is in the store, so a restart loses nothing; a message is removed
 * only after the relay took the mail, in the same transaction as the mail's charging record (a
 * crash before that commit mails the batch again, charged once). A relay failure is retried
 * after a pause.
 */
final class Forwarder {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final int USERS_PER_ROUND = 100;

    private final ServerContext server;
    private final MailStore store;
    private final MailOptions options;
    private final MailSender sender;
    private final ReplyTokens tokens;
    private final Duration retryPause;
    private final Map<EntityBareJid, Instant> retryAfter = new ConcurrentHashMap<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    /** @param tokens null when replies are off */
    Forwarder(ServerContext server, MailOptions options, MailSender sender, ReplyTokens tokens) {
        this.server = server;
        this.store = server.stores().mail();
        this.options = options;
        this.sender = sender;
        this.tokens = tokens;
        this.retryPause = Duration.ofSeconds(Math.max(60, options.batchSeconds()));
    }

    /** Queues a copy of a chat or normal message with a body for a verified subscriber; never consumes the event. */
    boolean undeliverable(MessageUndeliverable event) {
        Stanza message = event.message();
        String type = message.messageType();
        if (!type.equals("chat") && !type.equals("normal") || message.from() == null) return false;
        String body = message.element().childText("body", Namespaces.CLIENT);
        if (body == null || body.isBlank()) return false;
        EntityBareJid user = message.to().asEntityBareJidIfPossible();
        if (user == null) return false;
        Optional<MailSubscription> sub = store.subscription(user);
        if (sub.isEmpty() || !sub.get().verified()) return false;
        String text = body.length() > options.maxBodyChars() ? body.substring(0, options.maxBodyChars()) + " [...]" : body;
        PendingMail pending = new PendingMail(0, user, server.clock().instant(), message.from().asBareJid().toString(), text);
        if (!store.queue(pending, options.maxPendingPerUser())) LOG.info("mail forwarding queue of {} is full; message not forwarded", user);
        return false;
    }

    /** The user is back: the offline store hands the messages over, so what waits is not mailed (a batch being mailed is). */
    void userBack(EntityBareJid user) {
        // A read first: most logins have nothing waiting, and a write would queue behind every other one.
        if (!store.pending(user, 1).isEmpty()) store.dropWaiting(user);
    }

    /** Sends the batches that are due; one round at a time. */
    void flush() {
        if (!flushing.compareAndSet(false, true)) return;
        try {
            Instant now = server.clock().instant();
            for (EntityBareJid user : store.due(now.minusSeconds(options.batchSeconds()), USERS_PER_ROUND)) {
                Instant retry = retryAfter.get(user);
                if (retry != null && now.isBefore(retry)) continue;
                send(user, now);
            }
            if (tokens != null) tokens.deleteExpired();
        } catch (RuntimeException e) {
            LOG.error("mail forwarding round failed", e);
        } finally {
            flushing.set(false);
        }
    }

    private void send(EntityBareJid user, Instant now) {
        List<PendingMail> batch = store.pending(user, options.maxMessagesPerMail());
        if (batch.isEmpty()) return;
        Optional<MailSubscription> sub = store.subscription(user);
        if (sub.isEmpty() || !sub.get().verified()) {
            store.deletePending(user, Long.MAX_VALUE);
            return;
        }
        String address = sub.get().address();
        MailSender.OutgoingMail mail = BatchMail.compose(address, user.getDomain().toString(), batch,
                tokens == null ? null : peer -> tokens.addressFor(user, peer));
        long last = batch.getLast().id();
        store.markMailing(user, last, true);
        try {
            sender.send(mail);
        } catch (MessagingException e) {
            store.markMailing(user, last, false);
            retryAfter.put(user, now.plus(retryPause));
            LOG.warn("cannot mail {} messages to {} for {} (retry in {}s): {}", batch.size(), address, user, retryPause.toSeconds(),
                    e.getMessage());
            return;
        }
        List<ChargingRecord> charges = server.charging()
                .price(new Chargeable(now, user, address, "mail", "in", "message", 1));
        try {
            store.deletePending(user, last, charges);
        } catch (RuntimeException e) {
            // The batch stays: it is mailed again after the pause, and charged when the store takes it.
            retryAfter.put(user, now.plus(retryPause));
            LOG.error("mailed {} messages to {} for {} but cannot remove them from the queue (mailed again in {}s)", batch.size(),
                    address, user, retryPause.toSeconds(), e);
            return;
        }
        retryAfter.remove(user);
        LOG.debug("mailed {} messages to {} for {}", batch.size(), address, user);
    }
}
