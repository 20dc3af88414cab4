package org.passerelle.modules.mam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.config.ServerConfig;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.ArchiveFilter;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.ImTesting;
import org.passerelle.modules.muc.MucModule;
import org.passerelle.xml.Element;

/** Room archives: the MUC and MAM modules together, joined only by the core's events. */
class RoomArchiveTest {
    private static final String ROOM = "lounge@conference.localhost";
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    private static TestServer server(boolean withMam) {
        return withMam ? new TestServer(new MucModule(), new MamModule()) : new TestServer(new MucModule());
    }

    /** Alice creates the room with these config fields ({@code var=value}); bob enters; both are then quiet. */
    private static TestSession[] room(TestServer server, String... fields) {
        return room(server, server.login("alice@localhost/a"), server.login("bob@localhost/b"), fields);
    }

    private static TestSession[] room(TestServer server, TestSession alice, TestSession bob, String... fields) {
        server.send(alice, join("alice"));
        StringBuilder form = new StringBuilder("<iq type='set' id='cfg' to='" + ROOM + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                + "<x xmlns='jabber:x:data' type='submit'>");
        for (String f : fields) {
            int eq = f.indexOf('=');
            form.append("<field var='muc#roomconfig_").append(f, 0, eq).append("'><value>").append(f.substring(eq + 1)).append("</value></field>");
        }
        server.send(alice, form.append("</x></query></iq>").toString());
        server.send(bob, join("bob"));
        ImTesting.clear(alice, bob);
        return new TestSession[] {alice, bob};
    }

    private static String join(String nick) {
        return "<presence to='" + ROOM + "/" + nick + "'><x xmlns='http://jabber.org/protocol/muc'/></presence>";
    }

    private static void say(TestServer server, TestSession from, String body, TestSession... occupants) {
        server.send(from, "<message to='" + ROOM + "' type='groupchat'><body>" + body + "</body></message>");
        for (TestSession o : occupants) assertThat(o.next().element().childText("body", Namespaces.CLIENT)).isEqualTo(body);
    }

    /** The results (forwarded messages) and the IQ answer of one query to the room. */
    private record Answer(List<Element> forwarded, List<String> ids, Stanza iq) {
        List<String> bodies() {
            return forwarded.stream().map(m -> m.childText("body", Namespaces.CLIENT)).toList();
        }

        String rsm(String name) {
            return iq.element().child("fin", MamModule.NS).child("set", MamTesting.RSM).childText(name, MamTesting.RSM);
        }
    }

    private static Answer query(TestServer server, TestSession s, String fields, String set) {
        String form = fields.isEmpty() ? "" : "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
                + "<value>urn:xmpp:mam:2</value></field>" + fields + "</x>";
        server.send(s, "<iq type='set' id='q' to='" + ROOM + "'><query xmlns='urn:xmpp:mam:2' queryid='qid'>" + form
                + (set.isEmpty() ? "" : "<set xmlns='" + MamTesting.RSM + "'>" + set + "</set>") + "</query></iq>");
        List<Element> forwarded = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (true) {
            Stanza r = s.next();
            if (r.isIq()) return new Answer(forwarded, ids, r);
            assertThat(r.from().toString()).as("results come from the room").isEqualTo(ROOM);
            ids.add(r.element().child("result", MamModule.NS).attr("id"));
            forwarded.add(MamTesting.forwarded(r.element()));
        }
    }

    private static long archived(TestServer server) {
        return MamTesting.archived(server, ROOM);
    }

    @Test
    void archivesEachMessageUnderTheStanzaIdTheOccupantsGot() {
        try (TestServer server = server(true)) {
            TestSession[] s = room(server);
            TestSession alice = s[0];
            TestSession bob = s[1];
            List<String> stamped = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                server.send(i % 2 == 0 ? alice : bob, "<message to='" + ROOM + "' type='groupchat'><body>m" + i + "</body>"
                        + "<stanza-id xmlns='urn:xmpp:sid:0' by='" + ROOM + "' id='forged'/></message>");
                Element toAlice = alice.next().element();
                Element toBob = bob.next().element();
                List<Element> ids = toBob.children("stanza-id", StanzaIds.NS);
                assertThat(ids).as("the room's own id only").hasSize(1);
                assertThat(ids.getFirst().attr("by")).isEqualTo(ROOM);
                assertThat(ids.getFirst().attr("id")).isNotEqualTo("forged");
                assertThat(toAlice.child("stanza-id", StanzaIds.NS).attr("id")).isEqualTo(ids.getFirst().attr("id"));
                stamped.add(ids.getFirst().attr("id"));
            }
            assertThat(archived(server)).isEqualTo(5);
            assertThat(MamTesting.archived(server, "alice@localhost")).as("not in the occupants' own archives").isZero();

            Answer page1 = query(server, bob, "", "<max>2</max>");
            assertThat(page1.bodies()).containsExactly("m0", "m1");
            assertThat(page1.ids()).containsExactlyElementsOf(stamped.subList(0, 2));
            assertThat(page1.forwarded().getFirst().attr("from")).isEqualTo(ROOM + "/alice");
            assertThat(page1.rsm("count")).isEqualTo("5");
            Answer page2 = query(server, bob, "", "<max>2</max><after>" + page1.rsm("last") + "</after>");
            assertThat(page2.bodies()).containsExactly("m2", "m3");
            Answer newest = query(server, bob, "", "<max>2</max><before/>");
            assertThat(newest.bodies()).containsExactly("m3", "m4");

            Answer byAlice = query(server, bob, MamTesting.field("with", ROOM + "/alice"), "");
            assertThat(byAlice.bodies()).as("'with' is the occupant JID").containsExactly("m0", "m2", "m4");
            assertThat(query(server, bob, MamTesting.field("with", "alice@localhost"), "").bodies())
                    .as("never the real JID").isEmpty();

            server.send(bob, "<iq type='get' id='md' to='" + ROOM + "'><metadata xmlns='urn:xmpp:mam:2'/></iq>");
            Element md = bob.next().element().child("metadata", MamModule.NS);
            assertThat(md.child("start", MamModule.NS).attr("id")).isEqualTo(stamped.getFirst());
            assertThat(md.child("end", MamModule.NS).attr("id")).isEqualTo(stamped.getLast());

            TestSession carol = server.login("carol@localhost/c");
            server.send(carol, join("carol"));
            Stanza replayed = null;
            for (Stanza r = carol.next(); r.element().child("subject", Namespaces.CLIENT) == null; r = carol.next()) {
                if (r.isMessage()) replayed = r;
            }
            assertThat(replayed.element().child("stanza-id", StanzaIds.NS).attr("id")).as("history carries the id").isEqualTo(stamped.getLast());
        }
    }

    @Test
    void realJidsOnlyFromNonAnonymousRoomsAndOnlyWhileTheyStaySo() {
        try (TestServer server = server(true)) {
            TestSession[] s = room(server, "whois=anyone");
            TestSession alice = s[0];
            TestSession bob = s[1];
            server.send(alice, "<message to='" + ROOM + "' type='groupchat'><body>open</body>"
                    + "<x xmlns='" + MUC_USER + "'><item jid='mallory@localhost'/></x></message>");
            ImTesting.clear(alice, bob);
            Element open = query(server, bob, "", "").forwarded().getFirst();
            assertThat(open.children("x", MUC_USER)).as("the room's, not the sender's claim").hasSize(1);
            assertThat(open.child("x", MUC_USER).child("item", MUC_USER).attr("jid")).isEqualTo("alice@localhost");

            server.send(alice, "<iq type='set' id='cfg' to='" + ROOM + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'><field var='muc#roomconfig_whois'><value>moderators</value></field>"
                    + "</x></query></iq>");
            ImTesting.clear(alice, bob);
            say(server, bob, "hidden", alice, bob);
            Answer semi = query(server, bob, "", "");
            assertThat(semi.bodies()).containsExactly("open", "hidden");
            for (Element m : semi.forwarded()) assertThat(m.child("x", MUC_USER)).as(m.toString()).isNull();
            assertThat(query(server, alice, "", "").forwarded().get(1).child("x", MUC_USER))
                    .as("not kept for a semi-anonymous room at all").isNull();
        }
    }

    @Test
    void membersOnlyArchivesAreReadByMembersOnly() {
        try (TestServer server = server(true)) {
            TestSession alice = server.login("alice@localhost/a");
            server.send(alice, join("alice"));
            server.send(alice, "<iq type='set' id='cfg' to='" + ROOM + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'><field var='muc#roomconfig_membersonly'><value>1</value></field>"
                    + "</x></query></iq>");
            server.send(alice, "<iq type='set' id='m' to='" + ROOM + "'><query xmlns='http://jabber.org/protocol/muc#admin'>"
                    + "<item affiliation='member' jid='bob@localhost'/><item affiliation='outcast' jid='eve@localhost'/></query></iq>");
            alice.clear();
            say(server, alice, "secret", alice);
            TestSession bob = server.login("bob@localhost/b");
            assertThat(query(server, bob, "", "").bodies()).as("a member who is not in the room").containsExactly("secret");
            TestSession mallory = server.login("mallory@localhost/m");
            assertThat(ImTesting.condition(query(server, mallory, "", "").iq())).isEqualTo("forbidden");
            TestSession eve = server.login("eve@localhost/e");
            assertThat(ImTesting.condition(query(server, eve, "", "").iq())).isEqualTo("forbidden");
            ImTesting.nothingMore(mallory);
        }
    }

    @Test
    void aPasswordProtectedRoomsArchiveIsReadByThoseInside() {
        try (TestServer server = server(true)) {
            TestSession[] s = room(server, "passwordprotectedroom=1", "roomsecret=sesame");
            TestSession alice = s[0];
            say(server, alice, "behind the door", alice);
            TestSession bob = s[1];
            assertThat(ImTesting.condition(query(server, bob, "", "").iq())).as("bob gave no password").isEqualTo("forbidden");
            server.send(bob, "<presence to='" + ROOM + "/bob'><x xmlns='http://jabber.org/protocol/muc'><password>sesame</password></x></presence>");
            ImTesting.clear(alice, bob);
            assertThat(query(server, bob, "", "").bodies()).containsExactly("behind the door");
        }
    }

    @Test
    void advertisedOnlyWithTheArchiveModuleAndWhileTheRoomArchives() {
        try (TestServer server = server(true)) {
            TestSession[] s = room(server);
            assertThat(features(server, s[1])).contains("urn:xmpp:mam:2", "urn:xmpp:sid:0");
            assertThat(configFields(server, s[0])).contains("muc#roomconfig_enablearchiving");
            server.send(s[0], "<iq type='set' id='cfg' to='" + ROOM + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'><field var='muc#roomconfig_enablearchiving'><value>0</value></field>"
                    + "</x></query></iq>");
            ImTesting.clear(s);
            assertThat(features(server, s[1])).doesNotContain("urn:xmpp:mam:2", "urn:xmpp:mam:2#extended", "urn:xmpp:sid:0");
            server.send(s[0], "<message to='" + ROOM + "' type='groupchat'><body>off the record</body></message>");
            assertThat(s[1].next().element().child("stanza-id", StanzaIds.NS)).isNull();
            s[0].clear();
            assertThat(archived(server)).isZero();
        }
        try (TestServer server = server(false)) {
            TestSession[] s = room(server);
            assertThat(features(server, s[1])).doesNotContain("urn:xmpp:mam:2", "urn:xmpp:sid:0");
            assertThat(configFields(server, s[0])).doesNotContain("muc#roomconfig_enablearchiving");
            assertThat(ImTesting.condition(query(server, s[1], "", "").iq())).isEqualTo("service-unavailable");
        }
    }

    @Test
    void aPersistentRoomKeepsItsArchivingSwitch() {
        MemoryStores stores = new MemoryStores();
        try (TestServer server = new TestServer(ServerConfig.defaults(), stores, new MucModule(), new MamModule())) {
            room(server, "persistentroom=1", "enablearchiving=0");
        }
        try (TestServer server = new TestServer(ServerConfig.defaults(), stores, new MucModule(), new MamModule())) {
            TestSession[] s = room(server); // the room exists: alice's form changes nothing here
            assertThat(features(server, s[1])).contains("muc_persistent").doesNotContain("urn:xmpp:mam:2");
            server.send(s[0], "<message to='" + ROOM + "' type='groupchat'><body>still off</body></message>");
            assertThat(s[1].next().element().child("stanza-id", StanzaIds.NS)).isNull();
            assertThat(archived(server)).isZero();
        }
    }

    private static List<String> features(TestServer server, TestSession s) {
        server.send(s, "<iq type='get' id='d' to='" + ROOM + "'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        return s.next().element().firstElement().children("feature", "http://jabber.org/protocol/disco#info").stream()
                .map(f -> f.attr("var")).toList();
    }

    private static List<String> configFields(TestServer server, TestSession owner) {
        server.send(owner, "<iq type='get' id='c' to='" + ROOM + "'><query xmlns='http://jabber.org/protocol/muc#owner'/></iq>");
        return owner.next().element().firstElement().child("x", "jabber:x:data").children("field", "jabber:x:data").stream()
                .map(f -> f.attr("var")).toList();
    }

    @Test
    void theArchiveGoesWithTheRoom() {
        // No tombstone, so that the destroyed room's name can be taken again at once.
        try (TestServer server = new TestServer("modules: {muc: {tombstoneDays: 0}}", new MucModule(), new MamModule())) {
            TestSession[] s = room(server, "persistentroom=1");
            say(server, s[0], "before", s[0], s[1]);
            server.send(s[0], "<iq type='set' id='x' to='" + ROOM + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<destroy/></query></iq>");
            ImTesting.clear(s);
            assertThat(archived(server)).as("destroyed").isZero();

            TestSession[] again = room(server, s[0], s[1]);
            say(server, again[0], "temporary", again[0], again[1]);
            assertThat(archived(server)).isEqualTo(1);
            server.send(again[1], "<presence to='" + ROOM + "/bob' type='unavailable'/>");
            server.send(again[0], "<presence to='" + ROOM + "/alice' type='unavailable'/>");
            assertThat(archived(server)).as("a temporary room emptied").isZero();
        }
    }

    @Test
    void retentionCoversRoomArchives() {
        try (TestServer server = server(true)) {
            TestSession[] s = room(server);
            for (int i = 0; i < 5; i++) say(server, s[0], "m" + i, s[0], s[1]);
            new Retention(server.context().stores().archive(), server.context().clock(),
                    new MamOptions(null, 2, null, null, null, null, null)).run();
            assertThat(server.context().stores().archive().page(MamTesting.bare(ROOM), ArchiveFilter.ALL, null, null, false, 10)
                    .messages()).extracting(m -> m.stanza().childText("body", Namespaces.CLIENT)).containsExactly("m3", "m4");
        }
    }
}
