package org.passerelle.xmpp.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.passerelle.core.event.AuthFailed;
import org.passerelle.core.metrics.Metrics;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.testing.TestServer;
import org.passerelle.xml.Element;

class SaslExchangeMetricsTest {
    private static Element plain(String user, String password) {
        String data = "\0" + user + "\0" + password;
        return Element.builder("auth", Namespaces.SASL).attr("mechanism", "PLAIN")
                .text(Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8))).build();
    }

    @Test
    void aWrongPasswordIsCountedByMechanismAndReasonAndASuccessIsNot() {
        try (TestServer server = new TestServer()) {
            server.context().accounts().create(Jids.of("alice@localhost").asEntityBareJidOrThrow(), "secret", false);
            C2sContext c2s = C2sContext.create(server.context(), null);
            MeterRegistry r = server.context().metrics().registry();
            java.util.List<AuthFailed> failures = new java.util.ArrayList<>();
            server.context().events().on(AuthFailed.class, 0, e -> failures.add(e));
            var domain = Jids.of("localhost").asDomainBareJid();

            SaslExchange.Outcome bad = new SaslExchange(c2s, domain, true, null, "192.0.2.7").handle(plain("alice", "wrong"));
            assertThat(bad.failure()).isEqualTo("not-authorized");
            SaslExchange.Outcome good = new SaslExchange(c2s, domain, true, null, "192.0.2.7").handle(plain("alice", "secret"));
            assertThat(String.valueOf(good.account())).isEqualTo("alice@localhost");
            SaslExchange.Outcome unknown = new SaslExchange(c2s, domain, false, null, "192.0.2.7").handle(plain("alice", "secret"));
            assertThat(unknown.failure()).isEqualTo("invalid-mechanism");

            assertThat(r.get(Metrics.AUTH_FAILURES).tags("mechanism", "PLAIN", "reason", "not-authorized")
                    .counter().count()).isEqualTo(1);
            assertThat(r.get(Metrics.AUTH_FAILURES).tags("mechanism", "none", "reason", "invalid-mechanism")
                    .counter().count()).isEqualTo(1);
            assertThat(r.find(Metrics.AUTH_FAILURES).counters()).hasSize(2);
            assertThat(failures).extracting(AuthFailed::user, AuthFailed::address, AuthFailed::mechanism, AuthFailed::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("alice@localhost", "192.0.2.7", "PLAIN", "not-authorized"),
                            org.assertj.core.groups.Tuple.tuple(null, "192.0.2.7", "none", "invalid-mechanism"));
        }
    }
}
