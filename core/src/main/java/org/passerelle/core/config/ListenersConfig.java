package org.passerelle.core.config;

/**
 * Client listeners: {@code c2s} with STARTTLS (5222), {@code c2sDirectTls} (XEP-0368, 5223),
 * and the web listeners {@code http} (5280) and {@code https} (5443, the server's certificate)
 * that serve XMPP over WebSocket and host-meta.
 */
public record ListenersConfig(ListenerConfig c2s, ListenerConfig c2sDirectTls, ListenerConfig http, ListenerConfig https) {
    public ListenersConfig {
        c2s = orDefault(c2s, 5222);
        c2sDirectTls = orDefault(c2sDirectTls, 5223);
        http = orDefault(http, 5280);
        https = orDefault(https, 5443);
    }

    private static ListenerConfig orDefault(ListenerConfig l, int port) {
        return Checks.orDefault(l, new ListenerConfig(null, null, null)).withDefaultPort(port);
    }

    public static ListenersConfig defaults() {
        return new ListenersConfig(null, null, null, null);
    }
}
