/**
 * XEP-0198 stream management: counting handled stanzas both ways, keeping what the client has
 * not acknowledged, and resuming a dropped session on a new connection.
 */
package org.passerelle.xmpp.sm;
