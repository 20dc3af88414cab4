package org.passerelle.core.store;

import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;

/**
 * One SMS in the gateway's durable outbox.
 *
 * @param id          assigned by the store ({@code 0} before {@link SmsStore#enqueue})
 * @param account     the local account it is sent for (charged for it)
 * @param receiptTo   the JID owed a XEP-0184 receipt when the phone gets it; null when none asked
 * @param receiptId   the id of the message that asked for it
 * @param attempts    how many times sending failed so far
 * @param nextAttempt not sent before this time
 */
public record SmsOutgoing(long id, EntityBareJid account, String phone, String text, String receiptTo, String receiptId,
                          Status status, int attempts, Instant nextAttempt, Instant created) {
    public enum Status { PENDING, SENT, FAILED }

    /** A new pending SMS, due now. */
    public static SmsOutgoing pending(EntityBareJid account, String phone, String text, String receiptTo, String receiptId,
                                      Instant now) {
        return new SmsOutgoing(0, account, phone, text, receiptTo, receiptId, Status.PENDING, 0, now, now);
    }
}
