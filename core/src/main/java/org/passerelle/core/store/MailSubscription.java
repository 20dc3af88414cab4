package org.passerelle.core.store;

import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;

/**
 * A user's e-mail forwarding address. Until it is verified, {@code code} is the code mailed to
 * it, valid until {@code codeExpires}, with {@code attempts} wrong tries so far; once verified the
 * code is null and messages that reach the user offline are forwarded there.
 */
public record MailSubscription(EntityBareJid user, String address, boolean verified, String code, Instant codeExpires,
                               int attempts) {
    public static MailSubscription unverified(EntityBareJid user, String address, String code, Instant codeExpires) {
        return new MailSubscription(user, address, false, code, codeExpires, 0);
    }

    public MailSubscription asVerified() {
        return new MailSubscription(user, address, true, null, null, 0);
    }

    public MailSubscription withAttempt() {
        return new MailSubscription(user, address, verified, code, codeExpires, attempts + 1);
    }
}
