package org.passerelle.modules.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.pep.PepClients.availableWithCaps;
import static org.passerelle.modules.pep.PepClients.awaitStanza;
import static org.passerelle.modules.pep.PepClients.befriend;
import static org.passerelle.modules.pep.PepClients.drain;
import static org.passerelle.modules.pep.PepClients.isEvent;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.blocking.BlockingModule;
import org.passerelle.modules.caps.CapsModule;
import org.passerelle.modules.disco.DiscoModule;
import org.passerelle.modules.presence.PresenceModule;
import org.passerelle.xml.Element;

class PepModuleTest {
    private static final String MOOD = "http://jabber.org/protocol/mood";
    private static final String GEO = "http://jabber.org/protocol/geoloc";
    private static final String BOOKMARKS = "urn:xmpp:bookmarks:1";

    private static TestServer server() {
        return new TestServer("modules: {pep: {maxItemBytes: 2048, maxNodes: 3}}",
                new PresenceModule(), new CapsModule(), new DiscoModule(), new BlockingModule(), new PepModule());
    }

    private static String publish(String node, String id, String payload) {
        return "<iq type='set' id='p1'><pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='" + node + "'>"
                + "<item" + (id == null ? "" : " id='" + id + "'") + ">" + payload + "</item></publish></pubsub></iq>";
    }

    private static String mood(String m) {
        return "<mood xmlns='" + MOOD + "'><" + m + "/></mood>";
    }

    private static Element items(Stanza event) {
        return event.element().child("event", Pubsub.EVENT).child("items", Pubsub.EVENT);
    }

    private static Stanza iqAnswer(TestSession s) {
        return awaitStanza(s, x -> x.isIq() && !"get".equals(x.type()));
    }

    private static String pubsubError(Stanza error) {
        Element e = error.element().child("error", "jabber:client");
        Element app = e.childIn(Pubsub.ERRORS);
        return e.elements().getFirst().name() + (app == null ? "" : "/" + app.name());
    }

    @Test
    void publicationReachesContactsWithNotifyAndTheOwner() throws Exception {
        try (TestServer server = server()) {
            befriend(server, "alice@localhost", "bob@localhost");
            befriend(server, "alice@localhost", "carol@localhost");
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            TestSession carol = server.login("carol@localhost/pc");
            availableWithCaps(server, alice, MOOD + "+notify");
            availableWithCaps(server, bob, MOOD + "+notify");
            availableWithCaps(server, carol, GEO + "+notify");
            drain(alice);
            drain(bob);
            drain(carol);

            server.send(alice, publish(MOOD, "current", mood("happy")));
            Stanza result = iqAnswer(alice);
            assertThat(result.type()).isEqualTo("result");
            assertThat(result.element().firstElement().child("publish", Pubsub.NS).child("item", Pubsub.NS).attr("id")).isEqualTo("current");
            Stanza own = awaitStanza(alice, PepClients::isEvent);
            Stanza toBob = awaitStanza(bob, PepClients::isEvent);
            assertThat(toBob.from().toString()).isEqualTo("alice@localhost");
            assertThat(toBob.to().toString()).isEqualTo("bob@localhost/pc");
            assertThat(items(toBob).attr("node")).isEqualTo(MOOD);
            assertThat(items(toBob).child("item", Pubsub.EVENT).child("mood", MOOD).child("happy", MOOD)).isNotNull();
            assertThat(items(own).attr("node")).isEqualTo(MOOD);
            carol.assertNothingMore();
        }
    }

    @Test
    void lastItemFollowsAvailablePresenceAndNewCaps() throws Exception {
        try (TestServer server = server()) {
            befriend(server, "alice@localhost", "bob@localhost");
            TestSession alice = server.login("alice@localhost/phone");
            server.available(alice);
            server.send(alice, publish(GEO, null, "<geoloc xmlns='" + GEO + "'><lat>48.85</lat><lon>2.35</lon></geoloc>"));
            assertThat(iqAnswer(alice).type()).isEqualTo("result");

            TestSession bob = server.login("bob@localhost/pc");
            availableWithCaps(server, bob, GEO + "+notify");
            Stanza last = awaitStanza(bob, PepClients::isEvent);
            assertThat(items(last).child("item", Pubsub.EVENT).child("geoloc", GEO).childText("lat", GEO)).isEqualTo("48.85");
            assertThat(last.element().child("delay", "urn:xmpp:delay")).isNotNull();

            TestSession other = server.login("bob@localhost/tablet");
            availableWithCaps(server, other, MOOD + "+notify");
            drain(other);
            // The same resource learns it wants geoloc too: the last item comes now.
            availableWithCaps(server, other, MOOD + "+notify", GEO + "+notify");
            assertThat(items(awaitStanza(other, PepClients::isEvent)).attr("node")).isEqualTo(GEO);
        }
    }

    @Test
    void itemsFollowTheAccessModel() {
        try (TestServer server = server()) {
            befriend(server, "alice@localhost", "bob@localhost");
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            TestSession dave = server.login("dave@localhost/pc");
            server.send(alice, "<iq type='set' id='c'><pubsub xmlns='http://jabber.org/protocol/pubsub'><create node='notes'/>"
                    + "<configure><x xmlns='jabber:x:data' type='submit'><field var='pubsub#max_items'><value>3</value></field></x></configure></pubsub></iq>");
            assertThat(iqAnswer(alice).type()).isEqualTo("result");
            for (int i = 1; i <= 4; i++) {
                server.send(alice, publish("notes", "n" + i, "<note xmlns='urn:example'>" + i + "</note>"));
                assertThat(iqAnswer(alice).type()).isEqualTo("result");
            }
            String get = "<iq type='get' id='g' to='alice@localhost'><pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='notes'%s>%s</items></pubsub></iq>";
            server.send(bob, get.formatted("", ""));
            assertThat(ids(iqAnswer(bob))).containsExactly("n2", "n3", "n4");
            server.send(bob, get.formatted(" max_items='1'", ""));
            assertThat(ids(iqAnswer(bob))).containsExactly("n4");
            server.send(bob, get.formatted("", "<item id='n3'/><item id='n1'/>"));
            assertThat(ids(iqAnswer(bob))).containsExactly("n3");
            server.send(dave, get.formatted("", ""));
            assertThat(pubsubError(iqAnswer(dave))).isEqualTo("not-authorized/presence-subscription-required");
            server.send(bob, get.formatted("", "").replace("notes", "missing"));
            assertThat(pubsubError(iqAnswer(bob))).isEqualTo("item-not-found");

            server.send(alice, "<iq type='set' id='o'><pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><configure node='notes'>"
                    + "<x xmlns='jabber:x:data' type='submit'><field var='pubsub#access_model'><value>open</value></field></x></configure></pubsub></iq>");
            assertThat(iqAnswer(alice).type()).isEqualTo("result");
            server.send(dave, get.formatted("", ""));
            assertThat(ids(iqAnswer(dave))).containsExactly("n2", "n3", "n4");
            server.send(dave, publish("notes", "x", "<note xmlns='urn:example'/>").replace("id='p1'", "id='p1' to='alice@localhost'"));
            assertThat(pubsubError(iqAnswer(dave))).isEqualTo("forbidden");
        }
    }

    @Test
    void rosterAccessAdmitsOnlyTheAllowedGroups() {
        try (TestServer server = server()) {
            var roster = server.context().stores().roster();
            var alice = org.passerelle.core.stanza.Jids.of("alice@localhost").asEntityBareJidIfPossible();
            roster.put(alice, org.passerelle.core.store.RosterItem.of(org.passerelle.core.stanza.Jids.of("bob@localhost").asBareJid())
                    .withSubscription(org.passerelle.core.store.Subscription.BOTH).withGroups(java.util.Set.of("Family")));
            roster.put(alice, org.passerelle.core.store.RosterItem.of(org.passerelle.core.stanza.Jids.of("carol@localhost").asBareJid())
                    .withSubscription(org.passerelle.core.store.Subscription.BOTH).withGroups(java.util.Set.of("Work")));
            TestSession owner = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            TestSession carol = server.login("carol@localhost/pc");
            server.send(owner, "<iq type='set' id='c'><pubsub xmlns='http://jabber.org/protocol/pubsub'><create node='photos'/>"
                    + "<configure><x xmlns='jabber:x:data' type='submit'><field var='pubsub#access_model'><value>roster</value></field>"
                    + "<field var='pubsub#roster_groups_allowed'><value>Family</value></field></x></configure></pubsub></iq>");
            assertThat(iqAnswer(owner).type()).isEqualTo("result");
            server.send(owner, publish("photos", "p1", "<photo xmlns='urn:example'/>"));
            assertThat(iqAnswer(owner).type()).isEqualTo("result");
            String get = "<iq type='get' id='g' to='alice@localhost'><pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='photos'/></pubsub></iq>";
            server.send(bob, get);
            assertThat(ids(iqAnswer(bob))).containsExactly("p1");
            server.send(carol, get);
            assertThat(pubsubError(iqAnswer(carol))).isEqualTo("not-authorized/not-in-roster-group");
        }
    }

    private static List<String> ids(Stanza result) {
        assertThat(result.type()).isEqualTo("result");
        return result.element().firstElement().child("items", Pubsub.NS).children("item", Pubsub.NS).stream().map(i -> i.attr("id")).toList();
    }

    @Test
    void bookmarksArePrivateAndPublishOptionsArePreconditions() {
        try (TestServer server = server()) {
            befriend(server, "alice@localhost", "bob@localhost");
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            String options = "<publish-options><x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
                    + "<field var='pubsub#persist_items'><value>true</value></field><field var='pubsub#max_items'><value>max</value></field>"
                    + "<field var='pubsub#send_last_published_item'><value>never</value></field>"
                    + "<field var='pubsub#access_model'><value>%s</value></field></x></publish-options>";
            String room = "<conference xmlns='" + BOOKMARKS + "' name='Council' autojoin='true'><nick>alice</nick></conference>";
            server.send(alice, publish(BOOKMARKS, "council@conference.localhost", room).replace("</publish>", "</publish>" + options.formatted("whitelist")));
            assertThat(iqAnswer(alice).type()).isEqualTo("result");
            server.send(alice, publish(BOOKMARKS, "orchard@conference.localhost", room).replace("</publish>", "</publish>" + options.formatted("whitelist")));
            assertThat(iqAnswer(alice).type()).isEqualTo("result");
            server.send(alice, publish(BOOKMARKS, "third@conference.localhost", room).replace("</publish>", "</publish>" + options.formatted("open")));
            assertThat(pubsubError(iqAnswer(alice))).isEqualTo("conflict/precondition-not-met");
            server.send(alice, publish(BOOKMARKS, "x@conference.localhost", room).replace("</publish>", "</publish>"
                    + options.formatted("whitelist").replace("</x>", "<field var='pubsub#unknown'><value>1</value></field></x>")));
            assertThat(pubsubError(iqAnswer(alice))).isEqualTo("conflict/precondition-not-met");

            String get = "<iq type='get' id='g' to='alice@localhost'><pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='" + BOOKMARKS + "'/></pubsub></iq>";
            server.send(alice, get);
            assertThat(ids(iqAnswer(alice))).containsExactly("council@conference.localhost", "orchard@conference.localhost");
            server.send(bob, get);
            assertThat(pubsubError(iqAnswer(bob))).isEqualTo("not-allowed/closed-node");
        }
    }

    @Test
    void badPayloadsAreRefusedAndNothingIsStored() {
        try (TestServer server = server()) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, publish("big", null, "<blob xmlns='urn:example'>" + "x".repeat(3000) + "</blob>"));
            assertThat(pubsubError(iqAnswer(alice))).isEqualTo("not-acceptable/payload-too-big");
            for (String[] c : new String[][] {{"91", "0"}, {"0", "-180.5"}, {"NaN", "1"}, {"north", "1"}}) {
                server.send(alice, publish(GEO, null, "<geoloc xmlns='" + GEO + "'><lat>" + c[0] + "</lat><lon>" + c[1] + "</lon></geoloc>"));
                assertThat(pubsubError(iqAnswer(alice))).isEqualTo("bad-request");
            }
            server.send(alice, publish("urn:xmpp:avatar:data", "0000", "<data xmlns='urn:xmpp:avatar:data'>"
                    + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "</data>"));
            assertThat(pubsubError(iqAnswer(alice))).isEqualTo("bad-request");
            assertThat(server.context().stores().pubsub().nodes(alice.bareJid())).isEmpty();
            server.send(alice, publish("urn:xmpp:avatar:data", PayloadRules.sha1(new byte[] {1, 2, 3}), "<data xmlns='urn:xmpp:avatar:data'>"
                    + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "</data>"));
            assertThat(iqAnswer(alice).type()).isEqualTo("result");
            for (String n : List.of("n1", "n2")) {
                server.send(alice, publish(n, null, "<x xmlns='urn:example'/>"));
                assertThat(iqAnswer(alice).type()).isEqualTo("result");
            }
            server.send(alice, publish("n3", null, "<x xmlns='urn:example'/>"));
            assertThat(pubsubError(iqAnswer(alice))).as("three nodes at most").isEqualTo("policy-violation");
        }
    }

    @Test
    void retractAndDeleteAreNotifiedButNotAcrossABlock() throws Exception {
        try (TestServer server = server()) {
            befriend(server, "alice@localhost", "bob@localhost");
            befriend(server, "alice@localhost", "carol@localhost");
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            TestSession carol = server.login("carol@localhost/pc");
            server.available(alice);
            availableWithCaps(server, bob, MOOD + "+notify");
            availableWithCaps(server, carol, MOOD + "+notify");
            server.send(carol, "<iq type='set' id='b'><block xmlns='urn:xmpp:blocking'><item jid='alice@localhost'/></block></iq>");
            drain(alice);
            drain(bob);
            drain(carol);
            server.send(alice, publish(MOOD, "m", mood("sad")));
            assertThat(items(awaitStanza(bob, PepClients::isEvent)).child("item", Pubsub.EVENT).attr("id")).isEqualTo("m");
            server.send(alice, "<iq type='set' id='r'><pubsub xmlns='http://jabber.org/protocol/pubsub'><retract node='" + MOOD + "'><item id='m'/></retract></pubsub></iq>");
            assertThat(iqAnswer(alice).type()).isEqualTo("result");
            assertThat(items(awaitStanza(bob, PepClients::isEvent)).child("retract", Pubsub.EVENT).attr("id")).isEqualTo("m");
            server.send(alice, "<iq type='set' id='d'><pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><delete node='" + MOOD + "'/></pubsub></iq>");
            assertThat(iqAnswer(alice).type()).isEqualTo("result");
            Element deleted = awaitStanza(bob, PepClients::isEvent).element().child("event", Pubsub.EVENT).child("delete", Pubsub.EVENT);
            assertThat(deleted.attr("node")).isEqualTo(MOOD);
            assertThat(server.context().stores().pubsub().node(alice.bareJid(), MOOD)).isEmpty();
            carol.assertNothingMore();
        }
    }

    @Test
    void configureFormShowsAndChangesTheNode() {
        try (TestServer server = server()) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, publish(MOOD, "m", mood("happy")));
            iqAnswer(alice);
            server.send(alice, "<iq type='get' id='c'><pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><configure node='" + MOOD + "'/></pubsub></iq>");
            Element form = iqAnswer(alice).element().firstElement().child("configure", Pubsub.OWNER).child("x", "jabber:x:data");
            assertThat(org.passerelle.modules.forms.DataForm.parse(form).value(NodeForms.ACCESS)).isEqualTo("presence");
            assertThat(org.passerelle.modules.forms.DataForm.parse(form).value(NodeForms.MAX_ITEMS)).isEqualTo("1");
            server.send(alice, "<iq type='set' id='c'><pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><configure node='" + MOOD + "'>"
                    + "<x xmlns='jabber:x:data' type='submit'><field var='pubsub#max_items'><value>100000</value></field></x></configure></pubsub></iq>");
            assertThat(pubsubError(iqAnswer(alice))).isEqualTo("not-acceptable");
            server.send(alice, "<iq type='set' id='s'><pubsub xmlns='http://jabber.org/protocol/pubsub'><subscribe node='" + MOOD + "' jid='alice@localhost'/></pubsub></iq>");
            assertThat(pubsubError(iqAnswer(alice))).isEqualTo("feature-not-implemented/unsupported");
        }
    }

    @Test
    void accountDiscoShowsThePepIdentity() {
        try (TestServer server = server()) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='d' to='alice@localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            Element query = iqAnswer(alice).element().firstElement();
            assertThat(query.children("identity", "http://jabber.org/protocol/disco#info"))
                    .anyMatch(i -> "pubsub".equals(i.attr("category")) && "pep".equals(i.attr("type")));
            assertThat(query.children("feature", "http://jabber.org/protocol/disco#info")).extracting(f -> f.attr("var"))
                    .contains(Pubsub.NS + "#publish", Pubsub.NS + "#publish-options", Pubsub.NS + "#auto-create",
                            Pubsub.NS + "#filtered-notifications");

            befriend(server, "alice@localhost", "bob@localhost");
            TestSession bob = server.login("bob@localhost/pc");
            server.send(alice, publish(MOOD, "m", mood("happy")));
            iqAnswer(alice);
            String nodeInfo = "<iq type='get' id='n' to='alice@localhost'><query xmlns='http://jabber.org/protocol/disco#info' node='%s'/></iq>";
            server.send(bob, nodeInfo.formatted(MOOD));
            Element leaf = iqAnswer(bob).element().firstElement().child("identity", "http://jabber.org/protocol/disco#info");
            assertThat(leaf.attr("category") + "/" + leaf.attr("type")).isEqualTo("pubsub/leaf");
            server.send(bob, nodeInfo.formatted("nothing-here"));
            assertThat(pubsubError(iqAnswer(bob))).isEqualTo("item-not-found");
        }
    }
}
