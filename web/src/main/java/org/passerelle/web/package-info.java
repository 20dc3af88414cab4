/**
 * The HTTP frontend: one Netty listener for plain HTTP and one for HTTPS, serving XMPP over
 * WebSocket (RFC 7395) at {@code /xmpp-websocket}, XMPP over BOSH at {@code /http-bind} (package
 * {@code bosh}), XEP-0156 host-meta discovery, the bundled web client (Converse.js, fetched at
 * build time) at {@code /} with its files under {@code /webclient/}, and the HTTP routes modules
 * mount (XEP-0363 uploads, whose bodies {@code BodySpool} writes to files as they arrive rather
 * than into memory). A WebSocket connection and a BOSH session run the same client stream
 * logic as a TCP connection ({@code xmpp.c2s}).
 */
package org.passerelle.web;
