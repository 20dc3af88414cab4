package org.passerelle.modules.nearby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.nearby.NearbyModuleTest.rows;
import static org.passerelle.modules.nearby.NearbyModuleTest.search;
import static org.passerelle.modules.nearby.NearbyModuleTest.user;

import org.junit.jupiter.api.Test;
import org.passerelle.core.config.ServerConfig;
import org.passerelle.core.module.Module;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.blocking.BlockingModule;
import org.passerelle.modules.muc.MucModule;
import org.passerelle.modules.pep.PepModule;
import org.passerelle.modules.presence.PresenceModule;

/** Rooms of the real MUC module in location searches: which are found, by whom, and after a restart in either module order. */
class NearbyRoomsTest {
    private static final String LOC = "{urn:passerelle:muc:location}";

    private static TestServer server(MemoryStores stores, boolean nearbyFirst) {
        Module muc = new MucModule();
        Module nearby = new NearbyModule();
        return new TestServer(ServerConfig.defaults(), stores, new PresenceModule(), new BlockingModule(), new PepModule(),
                nearbyFirst ? nearby : muc, nearbyFirst ? muc : nearby);
    }

    /** Creates a persistent room at a place, with extra config fields (var=value, muc#roomconfig_ left out). */
    private static void room(TestServer server, TestSession owner, String name, double lat, double lon, String... fields) {
        String jid = name + "@conference.localhost";
        server.send(owner, "<presence to='" + jid + "/owner'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        owner.next();
        owner.next();
        StringBuilder form = new StringBuilder("<field var='muc#roomconfig_persistentroom'><value>1</value></field>"
                + "<field var='muc#roomconfig_roomname'><value>" + name + "</value></field>"
                + "<field var='" + LOC + "lat'><value>" + lat + "</value></field><field var='" + LOC + "lon'><value>" + lon + "</value></field>");
        for (String f : fields) {
            int eq = f.indexOf('=');
            form.append("<field var='muc#roomconfig_").append(f, 0, eq).append("'><value>").append(f.substring(eq + 1)).append("</value></field>");
        }
        server.send(owner, "<iq type='set' id='c' to='" + jid + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                + "<x xmlns='jabber:x:data' type='submit'>" + form + "</x></query></iq>");
        assertThat(owner.next().type()).isEqualTo("result");
    }

    @Test
    void findsThePublicOpenRoomsAroundExceptThoseThatBanOrAreBlocked() {
        MemoryStores stores = new MemoryStores();
        try (TestServer server = server(stores, false)) {
            TestSession owner = server.login("owner@localhost/r");
            room(server, owner, "paris", 48.857, 2.353);
            room(server, owner, "louvre", 48.861, 2.336);
            room(server, owner, "hidden", 48.857, 2.353, "publicroom=0");
            room(server, owner, "club", 48.857, 2.353, "membersonly=1");
            room(server, owner, "secret", 48.857, 2.353, "passwordprotectedroom=1", "roomsecret=s");
            room(server, owner, "lyon", 45.76, 4.84);
            room(server, owner, "bar", 48.86, 2.35);
            server.send(owner, "<iq type='set' id='ban' to='bar@conference.localhost'><query xmlns='http://jabber.org/protocol/muc#admin'>"
                    + "<item affiliation='outcast' jid='bob@localhost'/></query></iq>");
            assertThat(owner.next().type()).isEqualTo("result");

            TestSession asker = user(server, "asker", 48.8566, 2.3522, "public", "0.01");
            TestSession bob = user(server, "bob", 48.8566, 2.3522, "public", "0.01");
            assertThat(rows(search(server, asker, "10", "rooms"))).containsExactly(
                    "paris@conference.localhost 48.857 2.353", "bar@conference.localhost 48.860 2.350", "louvre@conference.localhost 48.861 2.336");
            assertThat(rows(search(server, bob, "10", "rooms"))).as("bob is an outcast of bar").containsExactly(
                    "paris@conference.localhost 48.857 2.353", "louvre@conference.localhost 48.861 2.336");
            server.send(asker, "<iq type='set' id='b'><block xmlns='urn:xmpp:blocking'><item jid='louvre@conference.localhost'/></block></iq>");
            asker.next();
            assertThat(rows(search(server, asker, "10", "rooms"))).as("the asker blocks louvre").containsExactly(
                    "paris@conference.localhost 48.857 2.353", "bar@conference.localhost 48.860 2.350");
            assertThat(rows(search(server, asker, "1", "all"))).as("louvre is 1.2 km away").containsExactly(
                    "paris@conference.localhost 48.857 2.353", "bob@localhost 48.86 2.35", "bar@conference.localhost 48.860 2.350");
        }
        for (boolean nearbyFirst : new boolean[] {false, true}) {
            try (TestServer server = server(stores, nearbyFirst)) {
                TestSession bob = server.login("bob@localhost/r");
                assertThat(rows(search(server, bob, "10", "rooms"))).as("after a restart, nearby first: " + nearbyFirst).containsExactly(
                        "paris@conference.localhost 48.857 2.353", "louvre@conference.localhost 48.861 2.336");
            }
        }
    }
}
