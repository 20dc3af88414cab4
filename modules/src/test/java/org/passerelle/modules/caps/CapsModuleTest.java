package org.passerelle.modules.caps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.disco.DiscoModule;
import org.passerelle.xml.Element;

class CapsModuleTest {
    @Test
    void streamFeatureHashMatchesTheServersDiscoInfo() {
        try (TestServer server = new TestServer(new CapsModule(), new DiscoModule())) {
            List<Element> features = server.context().features().streamFeatures(true, org.passerelle.core.stanza.Jids.of("localhost").asDomainBareJid());
            Element c = features.stream().filter(e -> e.is("c", CapsModule.NS)).findFirst().orElseThrow();
            assertThat(c.attr("hash")).isEqualTo("sha-1");
            assertThat(c.attr("node")).isEqualTo("https://passerelle.im");
            assertThat(server.context().features().streamFeatures(false, org.passerelle.core.stanza.Jids.of("localhost").asDomainBareJid())).noneMatch(e -> e.is("c", CapsModule.NS));

            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='c1' to='localhost'><query xmlns='http://jabber.org/protocol/disco#info' node='https://passerelle.im#"
                    + c.attr("ver") + "'/></iq>");
            Stanza reply = alice.next();
            assertThat(reply.type()).isEqualTo("result");
            Element query = reply.element().child("query", "http://jabber.org/protocol/disco#info");
            // What a client does on receiving the feature: recompute the hash from the answer (§5.4).
            assertThat(VerificationString.sha1(query)).isEqualTo(c.attr("ver"));
            assertThat(query.children("feature", "http://jabber.org/protocol/disco#info"))
                    .anyMatch(f -> CapsModule.NS.equals(f.attr("var")));
        }
    }

    @Test
    void nothingIsAnnouncedWithoutDisco() {
        try (TestServer server = new TestServer(new CapsModule())) {
            assertThat(server.context().features().streamFeatures(true, org.passerelle.core.stanza.Jids.of("localhost").asDomainBareJid())).noneMatch(e -> e.is("c", CapsModule.NS));
        }
    }
}
