/**
 * XEP-0352 client state indication. The stream features after authentication carry
 * {@code <csi xmlns='urn:xmpp:csi:0'/>}; the client's top-level {@code <active/>} and
 * {@code <inactive/>} reach {@link org.passerelle.modules.csi.CsiModule} through the core's
 * stream-element hook. A stream starts active.
 *
 * <p>While a session is inactive, presence updates (available and unavailable) for it are held,
 * only the latest per sender, and delivered in arrival order when the client becomes active again,
 * when a message with a body (or a carbon of one) or a subscription request arrives (held presence
 * first, so the client sees things in order), or when more than {@code modules.csi.maxHeld} senders
 * are held. Every other stanza (chat states, IQs) goes through at once.
 *
 * <p>The queue is the last delivery interceptor (priority 1000): what it holds has passed all the
 * others, so it gives held stanzas straight to the session.
 */
package org.passerelle.modules.csi;
