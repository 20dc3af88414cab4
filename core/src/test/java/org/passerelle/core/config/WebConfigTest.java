package org.passerelle.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The web section: web client, admin API and console on, /metrics behind admin credentials, unless said otherwise. */
class WebConfigTest {
    @Test
    void defaultsWithoutASection() {
        WebConfig w = ConfigLoader.parse("limits: {rosterItems: 10}\n", "test").web();
        assertThat(w.client().enabled()).isTrue();
        assertThat(w.admin().enabled()).isTrue();
        assertThat(w.admin().consoleIdleMinutes()).isEqualTo(30);
        assertThat(w.metrics().open()).isFalse();
        assertThat(ConfigLoader.parse("web: {}\n", "test").web().client().enabled()).isTrue();
    }

    @Test
    void theWebClientCanBeTurnedOff() {
        assertThat(ConfigLoader.parse("web:\n  client: {enabled: false}\n", "test").web().client().enabled()).isFalse();
    }

    @Test
    void metricsPublicIsReadFromItsYamlName() {
        WebConfig w = ConfigLoader.parse("web:\n  metrics: {public: true}\n  admin: {enabled: false}\n", "test").web();
        assertThat(w.metrics().open()).isTrue();
        assertThat(w.admin().enabled()).isFalse();
        assertThat(w.admin().consoleIdleMinutes()).isEqualTo(30);
    }

    @Test
    void anUnknownKeyIsNamed() {
        assertThatThrownBy(() -> ConfigLoader.parse("web:\n  client: {enable: false}\n", "test.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("web.client.enable");
    }

    @Test
    void thePublicUrlIsAnHttpUrlWithoutQueryOrTrailingSlash() {
        assertThat(ConfigLoader.parse("web: {publicUrl: 'https://chat.example.org/im//'}\n", "test").web().publicUrl())
                .isEqualTo("https://chat.example.org/im");
        assertThat(ConfigLoader.parse("web: {}\n", "test").web().publicUrl()).isNull();
        assertThatThrownBy(() -> ConfigLoader.parse("web: {publicUrl: 'ftp://x'}\n", "test.yml")).hasMessageContaining("publicUrl");
        assertThatThrownBy(() -> ConfigLoader.parse("web: {publicUrl: 'https://x/?a=b'}\n", "test.yml")).hasMessageContaining("publicUrl");
    }

    @Test
    void anIdleTimeOutOfRangeNamesTheKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("web:\n  admin: {consoleIdleMinutes: 0}\n", "test.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("web.admin").hasMessageContaining("consoleIdleMinutes");
    }
}
