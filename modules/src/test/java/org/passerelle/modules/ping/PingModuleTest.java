package org.passerelle.modules.ping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;

class PingModuleTest {
    @Test
    void serverAnswersPings() {
        try (TestServer server = new TestServer(new PingModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            Stanza pong = alice.next();
            assertThat(pong.type()).isEqualTo("result");
            assertThat(pong.id()).isEqualTo("p1");
            assertThat(pong.from().toString()).isEqualTo("localhost");
            assertThat(pong.element().elements()).isEmpty();
        }
    }

    @Test
    void accountsBareJidIsAnsweredByTheServerNotTheClient() throws Exception {
        try (TestServer server = new TestServer(new PingModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            server.send(alice, "<iq type='get' id='p2' to='bob@localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            Stanza pong = alice.next();
            assertThat(pong.type()).isEqualTo("result");
            assertThat(pong.from().toString()).isEqualTo("bob@localhost");
            bob.assertNothingMore();
        }
    }

    @Test
    void unknownAccountAndWrongTypeAreErrors() {
        try (TestServer server = new TestServer(new PingModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='p3' to='nobody@localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(condition(alice.next())).isEqualTo("service-unavailable");
            server.send(alice, "<iq type='set' id='p4' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(condition(alice.next())).isEqualTo("not-allowed");
        }
    }

    private static String condition(Stanza reply) {
        assertThat(reply.type()).isEqualTo("error");
        return reply.element().child("error", Namespaces.CLIENT).childIn(Namespaces.STANZA_ERRORS).name();
    }
}
