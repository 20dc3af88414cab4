package org.passerelle.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.xml.Element;

class RouterTest {
    @Test
    void deliversToAFullJidAndStampsFrom() {
        try (TestServer server = new TestServer()) {
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            server.send(alice, "<message to='bob@localhost/pc' type='chat'><body>hi</body></message>");
            Stanza got = bob.next();
            assertThat(got.from().toString()).isEqualTo("alice@localhost/phone");
            assertThat(got.element().childText("body", Namespaces.CLIENT)).isEqualTo("hi");
        }
    }

    @Test
    void localInterceptorsChangeOrConsumeStanzasToAccountsOnly() throws Exception {
        try (TestServer server = new TestServer()) {
            server.context().hooks().local(0, (destination, s) -> {
                if ("drop".equals(s.id())) return null;
                return s.withElement(s.element().withAttr("seen", destination.name()));
            });
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            server.send(alice, "<message to='bob@localhost/pc' id='drop'><body>no</body></message>");
            server.send(alice, "<message to='bob@localhost/pc' id='keep'><body>yes</body></message>");
            Stanza got = bob.next();
            assertThat(got.id()).isEqualTo("keep");
            assertThat(got.element().attr("seen")).isEqualTo("RESOURCE");
            bob.assertNothingMore();
        }
    }

    @Test
    void unknownIqNamespaceIsServiceUnavailable() {
        try (TestServer server = new TestServer()) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='q1' to='localhost'><query xmlns='urn:nothing'/></iq>");
            Stanza reply = alice.next();
            assertThat(reply.type()).isEqualTo("error");
            assertThat(reply.id()).isEqualTo("q1");
            assertThat(reply.element().child("error", Namespaces.CLIENT).child("service-unavailable", Namespaces.STANZA_ERRORS)).isNotNull();
        }
    }

    @Test
    void iqWithoutToGoesToTheSendersAccount() {
        try (TestServer server = new TestServer()) {
            server.context().iqs().register(Destination.ACCOUNT, "urn:test",
                    iq -> iq.result(Element.builder("answer", "urn:test").attr("for", iq.to().toString()).build()));
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='a'><q xmlns='urn:test'/></iq>");
            Stanza reply = alice.next();
            assertThat(reply.type()).isEqualTo("result");
            assertThat(reply.element().child("answer", "urn:test").attr("for")).isEqualTo("alice@localhost");
        }
    }

    @Test
    void forgedFromEndsTheStream() {
        try (TestServer server = new TestServer()) {
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            server.send(alice, "<message from='bob@localhost/pc' to='bob@localhost/pc'><body>x</body></message>");
            assertThat(alice.closedWith()).isEqualTo("invalid-from");
            assertThat(bob.closedWith()).isNull();
        }
    }

    @Test
    void malformedToIsAnsweredWithJidMalformed() {
        try (TestServer server = new TestServer()) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<message id='m' to='@localhost'><body>x</body></message>");
            Stanza reply = alice.next();
            assertThat(reply.element().child("error", Namespaces.CLIENT).child("jid-malformed", Namespaces.STANZA_ERRORS)).isNotNull();
        }
    }

    @Test
    void remoteDomainsBounceUntilFederationExists() {
        try (TestServer server = new TestServer()) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<message id='r' to='someone@example.net'><body>x</body></message>");
            Stanza reply = alice.next();
            assertThat(reply.element().child("error", Namespaces.CLIENT).child("remote-server-not-found", Namespaces.STANZA_ERRORS)).isNotNull();
        }
    }
}
