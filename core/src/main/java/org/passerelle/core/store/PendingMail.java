package org.passerelle.core.store;

import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;

/**
 * A message waiting for the user's next forwarding mail: who sent it (a bare JID), when, and its
 * text. {@code id} is given by the store, increasing in the order messages were queued.
 */
public record PendingMail(long id, EntityBareJid user, Instant at, String sender, String body) {
}
