package org.passerelle.core.config;

/**
 * A socket to listen on; port 0 takes a free port (tests), {@code enabled: false} turns it off.
 * Without a port, the listener's own default applies ({@link ListenersConfig}).
 */
public record ListenerConfig(String host, Integer port, Boolean enabled) {
    public ListenerConfig {
        host = Checks.orDefault(host, "0.0.0.0");
        if (port != null) Checks.range("port", port, 0, 65535);
        enabled = Checks.orDefault(enabled, true);
    }

    ListenerConfig withDefaultPort(int defaultPort) {
        return port != null ? this : new ListenerConfig(host, defaultPort, enabled);
    }
}
