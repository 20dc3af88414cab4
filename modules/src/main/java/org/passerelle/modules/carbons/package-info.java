/**
 * XEP-0280 message carbons ({@code urn:xmpp:carbons:2}): a session turns them on or off for
 * itself; a carbons-enabled session then gets a copy, wrapped in {@code <sent/>} or
 * {@code <received/>} and XEP-0297 {@code <forwarded/>}, of the instant messages its account
 * sends or receives on other sessions.
 *
 * <p><b>Sent copies</b> are made when a client's message passes the inbound interceptors: one for
 * every other carbons-enabled session of the sender's account (not for a message to the account itself).
 *
 * <p><b>Received copies</b> are made when a message is delivered to one of the recipient's sessions
 * ({@code Router.deliver}), so they follow whatever the message module decides. The rule, so that
 * each session gets the message once, either as the original or as one copy:
 * <ul>
 * <li>the sessions that get the original are the addressed one for a full JID; for a bare JID,
 *     those RFC 6121 §8.5.2.1.1 picks (available, non-negative priority, the highest), plus the
 *     session being delivered to;</li>
 * <li>copies go to the carbons-enabled sessions outside that set (and never to the sender's own);</li>
 * <li>they are made once, on the delivery to the first of that set in JID order; a message module
 *     must therefore deliver a bare-JID message unchanged (still addressed to the bare JID) to each
 *     of the highest-priority sessions.</li>
 * </ul>
 *
 * <p><b>Eligible messages</b> (§6 as of 1.0, see {@link org.passerelle.modules.carbons.Eligibility}):
 * type chat, type normal with a body, or IM payloads (receipts, chat states, markers, invitations);
 * never groupchat or error, never carbons themselves, never with {@code <private/>} (removed before
 * delivery) or the XEP-0334 {@code <no-copy/>} hint, never messages the server replays from storage
 * (delayed by a hosted domain); private messages received from a MUC occupant are not copied (the
 * MUC service copies them to joined clients), those sent to one are.
 */
package org.passerelle.modules.carbons;
