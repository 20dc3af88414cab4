/**
 * XMPP over BOSH (XEP-0124, XEP-0206) at {@code /http-bind}. Each BOSH session runs the ordinary
 * client stream handler of {@code xmpp.c2s} (SASL, resource binding, limits, stream management)
 * on a {@link org.passerelle.web.bosh.BoshChannel}, a Netty channel without a socket that outlives
 * the HTTP connections: {@link org.passerelle.web.bosh.BoshEndpoint} reads each request's
 * {@code <body/>} ({@link org.passerelle.web.bosh.BoshBody}), {@link org.passerelle.web.bosh.BoshSession}
 * orders requests by {@code rid}, holds them without holding a thread, and answers with the
 * elements the stream handler wrote ({@code xmpp.c2s.StreamOutput}, straight from the channel:
 * no stream text in between) in {@code <body/>} wrappers ({@link org.passerelle.web.bosh.BoshResponse}).
 * A session's state lives on one event loop; timers (wait, inactivity) run there too.
 */
package org.passerelle.web.bosh;
