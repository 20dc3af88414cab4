package org.passerelle.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every listener key is optional (docs/CONFIGURATION.md): a listener without a port keeps its own default. */
class ListenersConfigTest {
    @Test
    void defaultsWithoutASection() {
        ServerConfig c = ConfigLoader.parse("limits: {rosterItems: 10}\n", "test");
        assertThat(c.listeners().c2s()).isEqualTo(new ListenerConfig("0.0.0.0", 5222, true));
        assertThat(c.listeners().c2sDirectTls()).isEqualTo(new ListenerConfig("0.0.0.0", 5223, true));
        assertThat(c.listeners().http()).isEqualTo(new ListenerConfig("0.0.0.0", 5280, true));
        assertThat(c.listeners().https()).isEqualTo(new ListenerConfig("0.0.0.0", 5443, true));
    }

    @Test
    void aListenerWithoutAPortKeepsItsDefaultPort() {
        ServerConfig c = ConfigLoader.parse("""
                listeners:
                  c2s: {host: 127.0.0.1}
                  c2sDirectTls: {enabled: false}
                  https: {host: 127.0.0.1}
                """, "test");
        assertThat(c.listeners().https()).isEqualTo(new ListenerConfig("127.0.0.1", 5443, true));
        assertThat(c.listeners().c2s()).isEqualTo(new ListenerConfig("127.0.0.1", 5222, true));
        assertThat(c.listeners().c2sDirectTls()).isEqualTo(new ListenerConfig("0.0.0.0", 5223, false));
    }

    @Test
    void aPortOutOfRangeNamesTheKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("listeners:\n  c2s: {port: 70000}\n", "test.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("listeners.c2s").hasMessageContaining("port must be between 0 and 65535");
    }
}
