/**
 * A minimal XMPP client for load: one {@link org.passerelle.bench.client.XmppClient} per
 * connection (state machine and Netty handler in one small object, no thread of its own), opened
 * by a {@link org.passerelle.bench.client.Connector} on a few event loops.
 */
package org.passerelle.bench.client;
