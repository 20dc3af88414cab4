/**
 * Presence (RFC 6121 §3 and §4): the subscription state machine, pre-approval (§3.4), presence
 * broadcast, probes and directed presence.
 *
 * <p>A stanza a local client sends is handled "at the user's server" by {@link
 * org.passerelle.modules.presence.ClientPresence}, an inbound interceptor, before routing: it
 * updates the sender's roster and stamps the bare JID. What reaches a local account through the
 * router is handled "at the contact's server" by {@link
 * org.passerelle.modules.presence.InboundPresence}. Every stanza between the two sides goes
 * through {@link org.passerelle.core.routing.Router#route}, so a contact on another server is
 * reached the same way once federation exists.
 */
package org.passerelle.modules.presence;
