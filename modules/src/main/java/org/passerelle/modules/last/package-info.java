/**
 * XEP-0012 last activity. Sent to a hosted domain: the server's uptime. Sent to an account's bare
 * JID, answered by the server for the account: 0 while one of its resources is available, else
 * the seconds since it last went offline with the status text of its last unavailable presence.
 * Only the owner and contacts allowed to see the owner's presence (subscription {@code from} or
 * {@code both}) may ask; others get {@code forbidden} (§3).
 *
 * <p>The time is written when the account's last available resource sends unavailable presence
 * ({@code PresenceUnavailable}) or ends while available ({@code SessionEnded}), in the key-value
 * store under {@code jabber:iq:last}, and removed with the account.
 */
package org.passerelle.modules.last;
