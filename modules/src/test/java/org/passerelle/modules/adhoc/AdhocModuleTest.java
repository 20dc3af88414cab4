package org.passerelle.modules.adhoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.module.DiscoNodes;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.xml.Element;

class AdhocModuleTest {
    private static final String NS = AdhocModule.NS;
    private final TestServer server = new TestServer(new AdhocModule(), GreetCommand.module());
    private final TestSession alice = server.login("alice@localhost/phone");

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void listsTheCommandsTheRequesterMayRun() throws Exception {
        DiscoNodes nodes = server.context().features().discoNodes();
        Element items = nodes.items(NS, alice.jid(), alice.jid().asDomainBareJid());
        assertThat(items.children("item", Namespaces.DISCO_ITEMS)).singleElement().satisfies(i -> {
            assertThat(i.attr("node")).isEqualTo(GreetCommand.NODE);
            assertThat(i.attr("name")).isEqualTo("Greet");
            assertThat(i.attr("jid")).isEqualTo("localhost");
        });
        assertThat(nodes.items(NS, Jids.of("mallory@localhost/x"), alice.jid().asDomainBareJid()).elements()).isEmpty();
        assertThat(nodes.info(NS, alice.jid(), alice.jid().asDomainBareJid()).child("identity", Namespaces.DISCO_INFO).attr("type"))
                .isEqualTo("command-list");

        Element info = nodes.info(GreetCommand.NODE, alice.jid(), alice.jid().asDomainBareJid());
        assertThat(info.child("identity", Namespaces.DISCO_INFO).attr("type")).isEqualTo("command-node");
        assertThat(info.children("feature", Namespaces.DISCO_INFO)).extracting(f -> f.attr("var")).contains(NS, DataForm.NS);
        assertThatThrownBy(() -> nodes.info(GreetCommand.NODE, Jids.of("mallory@localhost/x"), alice.jid().asDomainBareJid()))
                .isInstanceOfSatisfying(StanzaException.class, e -> assertThat(e.condition()).isEqualTo("forbidden"));
    }

    @Test
    void runsStageByStageWithOneSessionId() {
        Element first = command(send("<command xmlns='" + NS + "' node='urn:test#greet' action='execute'/>"));
        String sid = first.attr("sessionid");
        assertThat(sid).isNotBlank();
        assertThat(first.attr("status")).isEqualTo("executing");
        Element actions = first.child("actions", NS);
        assertThat(actions.attr("execute")).isEqualTo("next");
        assertThat(actions.elements()).extracting(Element::name).containsExactly("next");
        assertThat(DataForm.find(first).field("name").required()).isTrue();

        Element second = command(send(submit(sid, null, "name", "Juliet")));
        assertThat(second.attr("sessionid")).isEqualTo(sid);
        assertThat(second.child("actions", NS).attr("execute")).isEqualTo("complete");
        assertThat(second.child("actions", NS).elements()).extracting(Element::name).containsExactly("prev", "complete");

        Element done = command(send(submit(sid, "complete", "greeting", "Hello")));
        assertThat(done.attr("status")).isEqualTo("completed");
        assertThat(done.attr("sessionid")).isEqualTo(sid);
        assertThat(done.childText("note", NS)).isEqualTo("greeted");
        assertThat(DataForm.find(done).value("text")).isEqualTo("Hello Juliet");

        assertError(send(submit(sid, null, "greeting", "Again")), "not-allowed", "session-expired");
    }

    @Test
    void prevGoesBackAStageAndCancelEndsTheSession() {
        String sid = command(send("<command xmlns='" + NS + "' node='urn:test#greet'/>")).attr("sessionid");
        command(send(submit(sid, "next", "name", "Juliet")));
        Element back = command(send("<command xmlns='" + NS + "' node='urn:test#greet' sessionid='" + sid + "' action='prev'/>"));
        assertThat(DataForm.find(back).field("name")).isNotNull();
        assertThat(back.child("actions", NS).child("prev", NS)).isNull();

        Element canceled = command(send("<command xmlns='" + NS + "' node='urn:test#greet' sessionid='" + sid + "' action='cancel'/>"));
        assertThat(canceled.attr("status")).isEqualTo("canceled");
        assertError(send(submit(sid, null, "name", "Romeo")), "not-allowed", "session-expired");
    }

    @Test
    void refusesWrongActionsSessionsAndRequesters() {
        String sid = command(send("<command xmlns='" + NS + "' node='urn:test#greet'/>")).attr("sessionid");
        assertError(send(submit(sid, "complete", "name", "Juliet")), "bad-request", "bad-action");
        assertError(send("<command xmlns='" + NS + "' node='urn:test#greet' action='jump'/>"), "bad-request", "malformed-action");
        assertError(send("<command xmlns='" + NS + "' node='urn:test#nothing'/>"), "item-not-found", null);
        assertError(send("<command xmlns='" + NS + "' node='urn:test#greet' sessionid='" + sid + "'/>"), "bad-request", "bad-payload");

        TestSession bob = server.login("bob@localhost/pc");
        server.send(bob, "<iq type='set' id='b1' to='localhost'>" + submit(sid, null, "name", "Bob") + "</iq>");
        assertError(bob.next(), "bad-request", "bad-sessionid");

        TestSession mallory = server.login("mallory@localhost/x");
        server.send(mallory, "<iq type='set' id='m1' to='localhost'><command xmlns='" + NS + "' node='urn:test#greet'/></iq>");
        assertError(mallory.next(), "forbidden", null);
    }

    @Test
    void aCommandErrorEndsTheSessionWithBadPayload() {
        String sid = command(send("<command xmlns='" + NS + "' node='urn:test#greet'/>")).attr("sessionid");
        assertError(send("<command xmlns='" + NS + "' node='urn:test#greet' sessionid='" + sid + "'>"
                + "<x xmlns='jabber:x:data' type='submit'/></command>"), "bad-request", "bad-payload");
        assertError(send(submit(sid, null, "name", "Juliet")), "not-allowed", "session-expired");
    }

    @Test
    void sessionsEndWhenTheRequesterGoesOffline() {
        String sid = command(send("<command xmlns='" + NS + "' node='urn:test#greet'/>")).attr("sessionid");
        server.logout(alice);
        TestSession again = server.login("alice@localhost/phone");
        server.send(again, "<iq type='set' id='x' to='localhost'>" + submit(sid, null, "name", "Juliet") + "</iq>");
        assertError(again.next(), "not-allowed", "session-expired");
    }

    private Stanza send(String command) {
        server.send(alice, "<iq type='set' id='c' to='localhost'>" + command + "</iq>");
        return alice.next();
    }

    private static String submit(String sid, String action, String var, String value) {
        return "<command xmlns='" + NS + "' node='urn:test#greet' sessionid='" + sid + "'"
                + (action == null ? "" : " action='" + action + "'") + ">"
                + "<x xmlns='jabber:x:data' type='submit'><field var='" + var + "'><value>" + value + "</value></field></x></command>";
    }

    private static Element command(Stanza reply) {
        assertThat(reply.type()).as(reply.toString()).isEqualTo("result");
        return reply.element().child("command", NS);
    }

    static void assertError(Stanza reply, String condition, String specific) {
        assertThat(reply.type()).as(reply.toString()).isEqualTo("error");
        Element error = reply.element().child("error", Namespaces.CLIENT);
        assertThat(error.child(condition, Namespaces.STANZA_ERRORS)).as(reply.toString()).isNotNull();
        if (specific != null) assertThat(error.child(specific, NS)).as(reply.toString()).isNotNull();
    }
}
