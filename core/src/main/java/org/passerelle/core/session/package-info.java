/**
 * Sessions: anything that receives stanzas for one full JID (a TCP or WebSocket client, a
 * resumable stream waiting for its client, a gateway's virtual user), and the registry that finds
 * them by JID.
 */
package org.passerelle.core.session;
