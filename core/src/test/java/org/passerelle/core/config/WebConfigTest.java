package org.passerelle.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The web section: admin API and console on, /metrics behind admin credentials, unless said otherwise. */
class WebConfigTest {
    @Test
    void defaultsWithoutASection() {
        WebConfig w = ConfigLoader.parse("limits: {rosterItems: 10}\n", "test").web();
        assertThat(w.admin().enabled()).isTrue();
        assertThat(w.admin().consoleIdleMinutes()).isEqualTo(30);
        assertThat(w.metrics().open()).isFalse();
    }

    @Test
    void metricsPublicIsReadFromItsYamlName() {
        WebConfig w = ConfigLoader.parse("web:\n  metrics: {public: true}\n  admin: {enabled: false}\n", "test").web();
        assertThat(w.metrics().open()).isTrue();
        assertThat(w.admin().enabled()).isFalse();
        assertThat(w.admin().consoleIdleMinutes()).isEqualTo(30);
    }

    @Test
    void anIdleTimeOutOfRangeNamesTheKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("web:\n  admin: {consoleIdleMinutes: 0}\n", "test.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("web.admin").hasMessageContaining("consoleIdleMinutes");
    }
}
