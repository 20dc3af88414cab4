/**
 * Message delivery to local accounts (RFC 6121 §8.5): to a bare JID, the available resources
 * with the highest non-negative priority, all of them when tied (§8.5.2.1.1); to a full JID, that
 * session (§8.5.3.1) or the rules for the message type when it is gone (§8.5.3.2.1). What finds no
 * session is published as {@link org.passerelle.core.event.MessageUndeliverable} for the offline
 * store and the like, and bounced with {@code service-unavailable} if nobody takes it. Stanzas
 * for accounts that do not exist get {@code service-unavailable} (§8.5.1), IQs included.
 */
package org.passerelle.modules.message;
