/**
 * XEP-0065 SOCKS5 bytestreams proxy, the relay of the study's hybrid peer-to-peer file transfer:
 * clients send files directly when they can reach each other and through {@code proxy.<domain>}
 * when they cannot. {@link org.passerelle.modules.proxy65.Proxy65Module} is the XMPP side
 * (disco, streamhost, activation); {@link org.passerelle.modules.proxy65.Socks5Listener} the
 * SOCKS5 side with {@link org.passerelle.modules.proxy65.Socks5Handshake},
 * {@link org.passerelle.modules.proxy65.Rendezvous} (pairing by stream hash) and
 * {@link org.passerelle.modules.proxy65.Relay}. Blocking sockets on virtual threads keep the
 * {@code modules} Maven module free of Netty. See docs/PROXY65.md.
 */
package org.passerelle.modules.proxy65;
