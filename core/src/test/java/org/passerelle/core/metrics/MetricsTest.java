package org.passerelle.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;

class MetricsTest {
    private static double count(MeterRegistry r, String name, String kind) {
        return r.get(name).tag("kind", kind).counter().count();
    }

    @Test
    void aMessageBetweenTwoSessionsIsCountedInAndOutAndTimed() {
        try (TestServer server = new TestServer()) {
            MeterRegistry r = server.context().metrics().registry();
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            server.send(alice, "<message to='bob@localhost/b' type='chat'><body>hi</body></message>");
            assertThat(bob.next().isMessage()).isTrue();

            assertThat(count(r, Metrics.STANZAS_IN, "message")).isEqualTo(1);
            assertThat(count(r, Metrics.STANZAS_OUT, "message")).isEqualTo(1);
            assertThat(count(r, Metrics.STANZAS_IN, "iq")).isZero();
        }
    }

    @Test
    void routingIsTimedForASampleOfTheClientStanzas() {
        try (TestServer server = new TestServer()) {
            MeterRegistry r = server.context().metrics().registry();
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            for (int i = 0; i < 320; i++) {
                server.send(alice, "<message to='bob@localhost/b' type='chat'><body>" + i + "</body></message>");
                bob.next();
            }
            assertThat(count(r, Metrics.STANZAS_OUT, "message")).isEqualTo(320);
            // One in 16 on average (20 expected): none at all, or most, would mean no sampling.
            assertThat(r.get(Metrics.ROUTING).timer().count()).isBetween(1L, 80L);
            assertThat(r.get(Metrics.ROUTING).timer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
        }
    }

    @Test
    void anIqToTheServerIsCountedInAndItsAnswerOut() {
        try (TestServer server = new TestServer()) {
            MeterRegistry r = server.context().metrics().registry();
            TestSession alice = server.login("alice@localhost/a");
            server.send(alice, "<iq type='get' id='1' to='localhost'><query xmlns='urn:example:unknown'/></iq>");
            assertThat(alice.next().type()).isEqualTo("error");
            assertThat(count(r, Metrics.STANZAS_IN, "iq")).isEqualTo(1);
            assertThat(count(r, Metrics.STANZAS_OUT, "iq")).isEqualTo(1);
            assertThat(count(r, Metrics.STANZAS_IN, "message")).isZero();
        }
    }

    @Test
    void sessionsAreGaugedPerTransport() {
        Metrics metrics = Metrics.inMemory();
        metrics.sessionStarted("c2s");
        metrics.sessionStarted("c2s");
        metrics.sessionStarted("websocket");
        metrics.sessionEnded("c2s");
        MeterRegistry r = metrics.registry();
        assertThat(r.get(Metrics.SESSIONS).tag("transport", "c2s").gauge().value()).isEqualTo(1);
        assertThat(r.get(Metrics.SESSIONS).tag("transport", "websocket").gauge().value()).isEqualTo(1);
    }

    @Test
    void authFailuresAreTaggedByMechanismAndReason() {
        Metrics metrics = Metrics.inMemory();
        metrics.authFailure("PLAIN", "not-authorized");
        metrics.authFailure("PLAIN", "not-authorized");
        metrics.authFailure(null, "invalid-mechanism");
        MeterRegistry r = metrics.registry();
        assertThat(r.get(Metrics.AUTH_FAILURES).tags("mechanism", "PLAIN", "reason", "not-authorized").counter().count())
                .isEqualTo(2);
        assertThat(r.get(Metrics.AUTH_FAILURES).tags("mechanism", "none", "reason", "invalid-mechanism").counter().count())
                .isEqualTo(1);
    }
}
