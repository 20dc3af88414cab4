package org.passerelle.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientConfigTest {
    private static ClientConfig config(boolean tls, String mechanism) {
        return new ClientConfig("127.0.0.1", 5222, "localhost", tls, mechanism, true);
    }

    @Test
    void autoPrefersScramSha256ThenSha1() {
        assertThat(config(true, "auto").choose(List.of("PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256"))).isEqualTo("SCRAM-SHA-256");
        assertThat(config(true, "auto").choose(List.of("PLAIN", "SCRAM-SHA-1"))).isEqualTo("SCRAM-SHA-1");
        assertThat(config(true, "auto").choose(List.of("PLAIN"))).isEqualTo("PLAIN");
    }

    @Test
    void autoNeverSendsPlainWithoutTls() {
        assertThat(config(false, "auto").choose(List.of("PLAIN"))).isNull();
    }

    @Test
    void anExplicitMechanismMustBeOffered() {
        assertThat(config(true, "SCRAM-SHA-1").choose(List.of("SCRAM-SHA-256", "SCRAM-SHA-1"))).isEqualTo("SCRAM-SHA-1");
        assertThat(config(true, "SCRAM-SHA-256").choose(List.of("SCRAM-SHA-1"))).isNull();
        assertThatThrownBy(() -> config(true, "DIGEST-MD5")).isInstanceOf(IllegalArgumentException.class);
    }
}
