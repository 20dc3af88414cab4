package org.passerelle.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code web} section: the bundled web client is on unless turned off. */
class WebConfigTest {
    @Test
    void theWebClientIsOnByDefault() {
        assertThat(ConfigLoader.parse("limits: {rosterItems: 10}\n", "test").web().client().enabled()).isTrue();
        assertThat(ConfigLoader.parse("web: {}\n", "test").web().client().enabled()).isTrue();
    }

    @Test
    void theWebClientCanBeTurnedOff() {
        assertThat(ConfigLoader.parse("web:\n  client: {enabled: false}\n", "test").web().client().enabled()).isFalse();
    }

    @Test
    void anUnknownKeyIsNamed() {
        assertThatThrownBy(() -> ConfigLoader.parse("web:\n  client: {enable: false}\n", "test.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("web.client.enable");
    }
}
