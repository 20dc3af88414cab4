package org.passerelle.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;

/**
 * The SMS gateway's data: linked phones, each account's numbered contacts, who last wrote to a
 * phone without an account, the durable outbox, the mobile-originated messages already seen and
 * the parts of concatenated mobile-originated texts not complete or not handled yet.
 */
public interface SmsStore {
    /**
     * Links the phone to the account (replacing the account's earlier number); false, and nothing
     * changed, when another account holds the number.
     */
    boolean link(SmsLink link);

    Optional<SmsLink> linkOf(EntityBareJid account);

    Optional<SmsLink> linkOfPhone(String phone);

    /** Changes the forwarding mode of a linked account; false when it has no phone. */
    boolean setForwarding(EntityBareJid account, String forwarding);

    boolean unlink(EntityBareJid account);

    /** Keeps whether the user said ON (available "on mobile"); false when the account has no phone. A new number starts OFF. */
    boolean setOnMobile(EntityBareJid account, boolean on);

    /** The accounts whose phone said ON last (their mobile sessions come back after a restart). */
    List<EntityBareJid> onMobile();

    /** The account's short number for a contact (a bare JID), given on first use: 1, 2, 3 ... */
    int contactNumber(EntityBareJid account, String contact);

    Optional<String> contact(EntityBareJid account, int number);

    /** The account's numbered contacts, by number. */
    Map<Integer, String> contacts(EntityBareJid account);

    boolean removeContact(EntityBareJid account, int number);

    /** Remembers which account last wrote to a phone that has no account, for its replies. */
    void setLastWriter(String phone, EntityBareJid account);

    Optional<EntityBareJid> lastWriter(String phone);

    /** Adds a pending SMS; returns it with its id. */
    SmsOutgoing enqueue(SmsOutgoing sms);

    Optional<SmsOutgoing> outgoing(long id);

    /** Pending SMS due at {@code now}, oldest first. */
    List<SmsOutgoing> due(Instant now, int limit);

    /**
     * Marks it sent with the SMSC's message id of each segment and writes the charging records of
     * the text in the same transaction: both or neither. False, and nothing written, if it was not
     * pending. A record that cannot be written throws and leaves the SMS pending.
     */
    boolean markSent(long id, List<String> smscMessageIds, List<ChargingRecord> charges);

    /** Counts a failed attempt and puts the next one at {@code next}. */
    void retryLater(long id, Instant next);

    void markFailed(long id);

    /**
     * For a delivery receipt of one segment: the sent SMS, if it still owes a XEP-0184 receipt;
     * the debt is cleared, so a receipt per segment answers once.
     */
    Optional<SmsOutgoing> takeReceipt(String smscMessageId);

    /** Whether a mobile-originated message with this key was already handled (an SMSC retry). */
    boolean seen(String key);

    /**
     * Stores a mobile-originated message key once it was handled, with the charging records of the
     * text in the same transaction: both or neither. True the first time, false (nothing written)
     * when the key was already there. A record that cannot be written throws and stores no key, so
     * the SMSC's retry is handled.
     */
    default boolean firstSeen(String key, Instant at, List<ChargingRecord> charges) {
        return firstSeen(key, at, charges, null);
    }

    /**
     * As {@link #firstSeen(String, Instant, List)}, for a concatenated text put together from its
     * stored parts: its parts are deleted in the same transaction (key, records and delete: all or
     * nothing). A duplicate key deletes nothing.
     *
     * @param completed the text whose parts go, or null
     */
    boolean firstSeen(String key, Instant at, List<ChargingRecord> charges, SmsMoText completed);

    /**
     * Stores a part of a concatenated mobile-originated text (a part received again is ignored: the
     * first copy and its time stay) and returns the parts of its text stored so far, by sequence.
     */
    List<SmsMoPart> addMoPart(SmsMoPart part);

    /** The parts of a text stored so far, by sequence. */
    List<SmsMoPart> moParts(SmsMoText text);

    /** How many texts have parts waiting for the others. */
    int moTextsWaiting();

    /** Deletes the parts of a text (it was a duplicate of a text already handled). */
    void deleteMoParts(SmsMoText text);

    /**
     * Deletes the parts of every incomplete text whose latest part came before {@code
     * incompleteBefore}, and of every complete one (all its parts are here but it was never
     * handled: a crash came before its commit) whose latest part came before {@code
     * completeBefore}; returns how many parts went.
     */
    int deleteMoPartsBefore(Instant incompleteBefore, Instant completeBefore);

    /** Forgets the keys of MO texts handled before {@code before} (older than any SMSC retry); returns how many. */
    int deleteSeenBefore(Instant before);

    /** Removes the account's link, contacts and queued SMS (the account was deleted). */
    void deleteAll(EntityBareJid account);
}
