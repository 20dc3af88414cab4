package org.passerelle.modules.vcard;

import static org.assertj.core.api.Assertions.assertThat;

import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.xml.Element;

class VcardModuleTest {
    private static final String SET = "<iq type='set' id='s1'><vCard xmlns='vcard-temp'><FN>Juliet &amp; Co &lt;Ψ&gt;</FN>"
            + "<N><FAMILY>Capulet</FAMILY><GIVEN>Juliet</GIVEN></N><PHOTO><TYPE>image/png</TYPE><BINVAL>iVBO</BINVAL></PHOTO></vCard></iq>";

    @Test
    void ownerSetsAndEveryoneReads() {
        try (TestServer server = new TestServer(new VcardModule())) {
            TestSession juliet = server.login("juliet@localhost/balcony");
            TestSession romeo = server.login("romeo@localhost/orchard");
            server.send(juliet, SET);
            assertThat(juliet.next().type()).isEqualTo("result");

            server.send(juliet, "<iq type='get' id='g1'><vCard xmlns='vcard-temp'/></iq>");
            Element own = vcard(juliet.next());
            assertThat(own.childText("FN", VcardModule.NS)).isEqualTo("Juliet & Co <Ψ>");

            server.send(romeo, "<iq type='get' id='g2' to='juliet@localhost'><vCard xmlns='vcard-temp'/></iq>");
            Stanza reply = romeo.next();
            assertThat(reply.from().toString()).isEqualTo("juliet@localhost");
            assertThat(vcard(reply)).isEqualTo(own);
            assertThat(vcard(reply).child("N", VcardModule.NS).childText("GIVEN", VcardModule.NS)).isEqualTo("Juliet");
        }
    }

    @Test
    void noVcardIsEmptyForTheOwnerAndNotFoundForOthers() {
        try (TestServer server = new TestServer(new VcardModule())) {
            TestSession juliet = server.login("juliet@localhost/balcony");
            TestSession romeo = server.login("romeo@localhost/orchard");
            server.send(juliet, "<iq type='get' id='g1'><vCard xmlns='vcard-temp'/></iq>");
            assertThat(vcard(juliet.next()).children()).isEmpty();
            server.send(romeo, "<iq type='get' id='g2' to='juliet@localhost'><vCard xmlns='vcard-temp'/></iq>");
            assertThat(condition(romeo.next())).isEqualTo("item-not-found");
            server.send(romeo, "<iq type='get' id='g3' to='nobody@localhost'><vCard xmlns='vcard-temp'/></iq>");
            assertThat(condition(romeo.next())).isEqualTo("service-unavailable");
        }
    }

    @Test
    void onlyTheOwnerSetsAndSizeIsLimited() {
        try (TestServer server = new TestServer("modules:\n  vcard:\n    maxBytes: 2048\n", new VcardModule())) {
            TestSession juliet = server.login("juliet@localhost/balcony");
            TestSession romeo = server.login("romeo@localhost/orchard");
            server.send(romeo, "<iq type='set' id='x' to='juliet@localhost'><vCard xmlns='vcard-temp'><FN>Romeo was here</FN></vCard></iq>");
            assertThat(condition(romeo.next())).isEqualTo("forbidden");

            server.send(juliet, "<iq type='set' id='big'><vCard xmlns='vcard-temp'><DESC>" + "x".repeat(2100) + "</DESC></vCard></iq>");
            assertThat(condition(juliet.next())).isEqualTo("not-acceptable");
            server.send(juliet, "<iq type='get' id='g'><vCard xmlns='vcard-temp'/></iq>");
            assertThat(vcard(juliet.next()).children()).isEmpty();
        }
    }

    @Test
    void emptyVcardAndAccountDeletionRemoveIt() {
        try (TestServer server = new TestServer(new VcardModule())) {
            EntityBareJid jid = Jids.of("juliet@localhost").asEntityBareJidIfPossible();
            TestSession juliet = server.login("juliet@localhost/balcony");
            server.send(juliet, SET);
            juliet.next();
            server.send(juliet, "<iq type='set' id='e'><vCard xmlns='vcard-temp'/></iq>");
            assertThat(juliet.next().type()).isEqualTo("result");
            assertThat(server.context().stores().keyValue().all(jid, VcardModule.NS)).isEmpty();

            server.send(juliet, SET);
            juliet.next();
            assertThat(server.context().stores().keyValue().all(jid, VcardModule.NS)).hasSize(1);
            server.context().accounts().delete(jid);
            assertThat(server.context().stores().keyValue().all(jid, VcardModule.NS)).isEmpty();
        }
    }

    private static Element vcard(Stanza reply) {
        assertThat(reply.type()).isEqualTo("result");
        return reply.element().child("vCard", VcardModule.NS);
    }

    private static String condition(Stanza reply) {
        assertThat(reply.type()).isEqualTo("error");
        return reply.element().child("error", Namespaces.CLIENT).childIn(Namespaces.STANZA_ERRORS).name();
    }
}
