package org.passerelle.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;

/**
 * E-mail forwarding: each user's address, the messages waiting for the next batch mail, the
 * reply tokens of the mails sent and the keys of the replies routed. The two writes that are
 * billable events take their charging records and write them in the same transaction.
 */
public interface MailStore {
    Optional<MailSubscription> subscription(EntityBareJid user);

    /** Creates or replaces the user's subscription. */
    void saveSubscription(MailSubscription subscription);

    /** Removes the subscription and the user's pending messages; false when there was none. */
    boolean deleteSubscription(EntityBareJid user);

    /**
     * Queues a message (its id is ignored) unless the user already has {@code maxPending} waiting;
     * returns whether it was queued.
     */
    boolean queue(PendingMail message, int maxPending);

    /** The user's waiting messages, oldest first, at most {@code limit}. */
    List<PendingMail> pending(EntityBareJid user, int limit);

    /** Users whose oldest waiting message was queued at or before {@code cutoff}, at most {@code limit}. */
    List<EntityBareJid> due(Instant cutoff, int limit);

    /**
     * Marks the user's waiting messages up to {@code lastId} as being mailed (true, before the
     * relay gets them) or waiting again (false, the relay refused them).
     */
    void markMailing(EntityBareJid user, long lastId, boolean mailing);

    /**
     * The user is back online and gets the messages from offline storage: removes those not
     * being mailed; returns how many. A batch being mailed stays until its outcome is stored, so
     * one the relay took just before a crash is mailed again and charged, never mailed uncharged.
     */
    int dropWaiting(EntityBareJid user);

    /** Removes the user's waiting messages with an id up to {@code lastId}; returns how many. */
    default int deletePending(EntityBareJid user, long lastId) {
        return deletePending(user, lastId, List.of());
    }

    /**
     * As above, and writes the charging records of the mail that carried them in the same
     * transaction when at least one message was removed (none otherwise): both are kept or
     * neither, so a batch mailed again after a crash is charged once.
     */
    int deletePending(EntityBareJid user, long lastId, List<ChargingRecord> charges);

    /** Whether a reply with this key was routed (its key is kept until {@link #deleteRepliesSeen}). */
    boolean replySeen(String key);

    /**
     * Keeps the key of a reply mail of {@code user} that was routed (its charging record went
     * with the message's delivery); false when the key is already there.
     */
    boolean replyRouted(EntityBareJid user, String key, Instant at);

    /** Removes the reply keys kept at or before {@code cutoff}; returns how many. */
    int deleteRepliesSeen(Instant cutoff);

    /** Creates a token, or moves the expiry of an existing one. */
    void saveToken(ReplyToken token);

    Optional<ReplyToken> token(String token);

    /** The token of the conversation of {@code user} with {@code peer} that expires last, if any. */
    Optional<ReplyToken> tokenFor(EntityBareJid user, String peer);

    /** Removes the tokens that expired at or before {@code now}; returns how many. */
    int deleteExpiredTokens(Instant now);

    /** Removes everything of the user (account deleted), charging records excepted. */
    void deleteAll(EntityBareJid user);
}
