/**
 * The XMPP client-to-server frontend on Netty: one pipeline per TCP connection,
 * {@code [SslHandler] → TcpStreamEncoder → XmlStreamDecoder → C2sStreamHandler}, with the
 * stream-level state machine (header, features, STARTTLS, SASL, bind, stream management) in
 * {@link org.passerelle.xmpp.c2s.C2sStreamHandler}. The handler writes {@link
 * org.passerelle.xmpp.c2s.StreamOutput} messages, which each transport encodes once (TCP: stream
 * text). The frontend owns bytes, stream state and authentication; stanzas go to the core
 * through {@code ClientStanzas} on the session's serial worker, never routed here.
 */
package org.passerelle.xmpp.c2s;
