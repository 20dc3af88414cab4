package org.passerelle.modules.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.xml.Element;

class VersionModuleTest {
    private static final String ASK = "<iq type='get' id='v1' to='localhost'><query xmlns='jabber:iq:version'/></iq>";

    @Test
    void answersNameVersionAndOs() {
        try (TestServer server = new TestServer(new VersionModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, ASK);
            Stanza reply = alice.next();
            assertThat(reply.type()).isEqualTo("result");
            Element q = reply.element().child("query", VersionModule.NS);
            assertThat(q.childText("name", VersionModule.NS)).isEqualTo("Passerelle");
            // Tests run from classes, without a jar manifest.
            assertThat(q.childText("version", VersionModule.NS)).isEqualTo("dev");
            assertThat(q.childText("os", VersionModule.NS)).startsWith(System.getProperty("os.name"));
        }
    }

    @Test
    void osCanBeHidden() {
        try (TestServer server = new TestServer("modules:\n  version:\n    os: false\n", new VersionModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, ASK);
            Element q = alice.next().element().child("query", VersionModule.NS);
            assertThat(q.child("os", VersionModule.NS)).isNull();
            assertThat(q.childText("name", VersionModule.NS)).isEqualTo("Passerelle");
        }
    }

    @Test
    void bareJidsAreNotAnswered() {
        try (TestServer server = new TestServer(new VersionModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='v2' to='bob@localhost'><query xmlns='jabber:iq:version'/></iq>");
            Stanza reply = alice.next();
            assertThat(reply.type()).isEqualTo("error");
            assertThat(reply.element().toString()).contains("service-unavailable");
        }
    }
}
