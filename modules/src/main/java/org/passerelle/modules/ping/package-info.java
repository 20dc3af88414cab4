/**
 * XEP-0199 pings to the server and to an account's bare JID, answered by the server (on the
 * account's behalf for a bare JID of an existing account). Pings to a full JID go to the client;
 * the server's own pings of idle clients are the c2s frontend's job.
 */
package org.passerelle.modules.ping;
