package org.passerelle.modules.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.xml.Element;

class TimeModuleTest {
    @Test
    void answersUtcNowAndTheOffset() {
        try (TestServer server = new TestServer(new TimeModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            Instant before = Instant.now();
            server.send(alice, "<iq type='get' id='t1' to='localhost'><time xmlns='urn:xmpp:time'/></iq>");
            Stanza reply = alice.next();
            assertThat(reply.type()).isEqualTo("result");
            Element time = reply.element().child("time", TimeModule.NS);
            Instant utc = Instant.parse(time.childText("utc", TimeModule.NS));
            assertThat(Duration.between(before, utc).abs()).isLessThan(Duration.ofSeconds(5));
            // The test server's clock is in UTC.
            assertThat(time.childText("tzo", TimeModule.NS)).isEqualTo("+00:00");
        }
    }

    @Test
    void formatsOffsetsAsXep0082() {
        Element e = TimeModule.answer(Instant.parse("2006-12-19T17:58:35.123456Z"), ZoneOffset.ofHours(-6));
        assertThat(e.childText("tzo", TimeModule.NS)).isEqualTo("-06:00");
        assertThat(e.childText("utc", TimeModule.NS)).isEqualTo("2006-12-19T17:58:35.123Z");
    }
}
