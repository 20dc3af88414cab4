package org.passerelle.core.config;

/** Client listeners: {@code c2s} with STARTTLS (5222) and {@code c2sDirectTls} (XEP-0368, 5223). */
public record ListenersConfig(ListenerConfig c2s, ListenerConfig c2sDirectTls) {
    public ListenersConfig {
        c2s = Checks.orDefault(c2s, new ListenerConfig(null, 5222, null));
        c2sDirectTls = Checks.orDefault(c2sDirectTls, new ListenerConfig(null, 5223, null));
    }

    public static ListenersConfig defaults() {
        return new ListenersConfig(null, null);
    }
}
