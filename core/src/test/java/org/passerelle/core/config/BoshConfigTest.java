package org.passerelle.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code bosh} section (docs/CONFIGURATION.md): optional keys with defaults, ranges checked. */
class BoshConfigTest {
    @Test
    void defaultsWithoutASection() {
        assertThat(ConfigLoader.parse("limits: {rosterItems: 10}\n", "test").bosh()).isEqualTo(new BoshConfig(60, 60, 2, 20));
    }

    @Test
    void keysOverrideTheirDefaultOnly() {
        assertThat(ConfigLoader.parse("bosh: {inactivity: 30}\n", "test").bosh()).isEqualTo(new BoshConfig(60, 30, 2, 20));
    }

    @Test
    void aWaitOutOfRangeNamesTheKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("bosh:\n  maxWait: 0\n", "test.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bosh: maxWait must be between 1 and 3600");
    }
}
