/**
 * XEP-0191 blocking command: an account's block list (get, block, unblock, unblock all) with
 * pushes to its sessions that asked for the list, kept in the key-value store under
 * {@code urn:xmpp:blocking} (one key per blocked JID) and cached while the account has sessions.
 * Items match as in §6: a full JID only itself, a bare JID any of its resources, {@code domain/resource}
 * only itself, a domain itself, everything at it and its subdomains.
 *
 * <p>Enforcement, where each kind of stanza passes (see {@link org.passerelle.modules.blocking.BlockingEnforcer}):
 * <ul>
 * <li>a client sends to a JID it blocked: not routed; {@code <not-acceptable/>} with
 *     {@code <blocked xmlns='urn:xmpp:blocking:errors'/>} back (errors and IQ results are just dropped);</li>
 * <li>a blocked JID sends to the account: presence dropped silently, messages and IQ requests answered
 *     {@code service-unavailable}, other IQs dropped, so that the account looks offline. Checked for
 *     messages and presence to the bare or a full JID as they arrive (a local interceptor, before
 *     archiving, delivery or offline storage), for every stanza given
 *     to one of the account's sessions, and for client IQs to the bare JID (which do not pass handlers);</li>
 * <li>what the account's own server sends on its behalf (presence broadcasts) never reaches a JID it blocked.</li>
 * </ul>
 * The account's own JIDs and the bare hosted domain are never blocked, so that a list blocking one's
 * own domain cannot cut the account off from its server. Blocking sends unavailable presence, and
 * unblocking the current presence, to the affected contacts that may see the account's presence (§3.3, §3.4).
 */
package org.passerelle.modules.blocking;
