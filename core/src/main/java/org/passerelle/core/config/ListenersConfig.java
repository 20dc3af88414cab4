package org.passerelle.core.config;

/** Client listeners: {@code c2s} with STARTTLS (5222) and {@code c2sDirectTls} (XEP-0368, 5223). */
public record ListenersConfig(ListenerConfig c2s, ListenerConfig c2sDirectTls) {
    public ListenersConfig {
        c2s = Checks.orDefault(c2s, new ListenerConfig(null, null, null)).withDefaultPort(5222);
        c2sDirectTls = Checks.orDefault(c2sDirectTls, new ListenerConfig(null, null, null)).withDefaultPort(5223);
    }

    public static ListenersConfig defaults() {
        return new ListenersConfig(null, null);
    }
}
