package org.passerelle.core.store;

import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;

/**
 * The secret part of a reply address ({@code reply+token@mail domain}): a mail to it is a
 * message from {@code user} to {@code peer} (a JID), until {@code expires}.
 */
public record ReplyToken(String token, EntityBareJid user, String peer, Instant expires) {
}
