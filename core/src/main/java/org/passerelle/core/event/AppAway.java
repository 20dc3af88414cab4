package org.passerelle.core.event;

import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Stanza;

/**
 * A chat or normal message reached an account whose client apps are not connected: no session
 * is online ({@code offline}; published just before {@link MessageUndeliverable}), or every
 * session it went to waits detached for XEP-0198 resumption (the phone put the app to sleep).
 * Listeners that wake the user up in another way answer in priority order: the SMS gateway
 * (for users who chose their phone), then push notifications (XEP-0357). The first to consume it
 * ends it, so a message never wakes the user twice. Delivery and offline storage do not depend
 * on the answer.
 */
public record AppAway(EntityBareJid account, Stanza message, boolean offline) {
}
