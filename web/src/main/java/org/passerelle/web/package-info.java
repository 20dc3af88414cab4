/**
 * The HTTP frontend: one Netty listener for plain HTTP and one for HTTPS, serving XMPP over
 * WebSocket (RFC 7395) at {@code /xmpp-websocket}, XEP-0156 host-meta discovery, and the bundled
 * web client (Converse.js, fetched at build time) at {@code /} with its files under
 * {@code /webclient/}. A WebSocket connection runs the same client stream logic as a TCP
 * connection ({@code xmpp.c2s}).
 */
package org.passerelle.web;
