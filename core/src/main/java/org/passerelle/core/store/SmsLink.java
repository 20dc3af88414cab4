package org.passerelle.core.store;

import org.jxmpp.jid.EntityBareJid;

/**
 * A phone number (E.164, {@code +} and digits) confirmed by an account; one number, one account.
 *
 * @param forwarding when messages go to the phone: {@code off}, {@code offline} (no client
 *                   connected) or {@code away} (offline, or every app asleep)
 */
public record SmsLink(EntityBareJid account, String phone, String forwarding) {
}
