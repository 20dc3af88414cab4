package org.passerelle.modules.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.muc.MucFixture.condition;
import static org.passerelle.modules.muc.MucFixture.configure;
import static org.passerelle.modules.muc.MucFixture.createWith;
import static org.passerelle.modules.muc.MucFixture.room;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.passerelle.core.config.ServerConfig;
import org.passerelle.core.event.PlaceBanQuery;
import org.passerelle.core.event.PublicPlaceListed;
import org.passerelle.core.event.PublicPlaceUnlisted;
import org.passerelle.core.event.PublicPlacesWanted;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.forms.DataForm;

/** A room's location: its configuration fields, and the events that offer the room to location searches. */
class MucLocationTest {
    private static final String LAT = "{urn:passerelle:muc:location}lat";
    private static final String LON = "{urn:passerelle:muc:location}lon";

    /** Records the place events as "listed jid name lat lon" / "unlisted jid". */
    private static List<String> record(TestServer server) {
        List<String> seen = new CopyOnWriteArrayList<>();
        server.context().events().on(PublicPlaceListed.class, 0, e -> {
            seen.add("listed " + e.jid() + " " + e.name() + " " + e.latitude() + " " + e.longitude());
            return false;
        });
        server.context().events().on(PublicPlaceUnlisted.class, 0, e -> seen.add("unlisted " + e.jid()) && false);
        return seen;
    }

    private static DataForm form(TestServer server, TestSession owner) {
        server.send(owner, "<iq type='get' id='f' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'/></iq>");
        return DataForm.find(owner.next().element().firstElement());
    }

    private static void set(TestServer server, TestSession owner, String... fields) {
        server.send(owner, configure("tea", fields));
        assertThat(owner.next().type()).as(String.join(",", fields)).isEqualTo("result");
        owner.next(); // the 104 notice to the occupants
    }

    @Test
    void locationIsCheckedShownAndRemovable() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            createWith(server, alice, "tea", "Alice", LAT + "=48.8566", LON + "=2.3522");
            assertThat(form(server, alice).value(LAT)).isEqualTo("48.8566");
            assertThat(form(server, alice).value(LON)).isEqualTo("2.3522");
            for (String[] bad : List.of(new String[] {LAT + "=90.5"}, new String[] {LON + "=-180.01"}, new String[] {LAT + "=NaN"},
                    new String[] {LAT + "=1e1"}, new String[] {LON + "=2.5d"}, new String[] {LAT + "=north"},
                    new String[] {LAT + "=", LON + "=3"}, new String[] {"roomname=After", LAT + "=Infinity"})) {
                server.send(alice, configure("tea", bad));
                assertThat(condition(alice.next())).as(String.join(",", bad)).isEqualTo("bad-request");
            }
            DataForm unchanged = form(server, alice);
            assertThat(unchanged.value(LAT) + " " + unchanged.value(LON) + " " + unchanged.value("muc#roomconfig_roomname"))
                    .isEqualTo("48.8566 2.3522 ");
            set(server, alice, LAT + "=-90", LON + "=180");
            assertThat(form(server, alice).value(LAT)).isEqualTo("-90");
            set(server, alice, LON + "=-0.5");
            assertThat(form(server, alice).value(LAT) + " " + form(server, alice).value(LON)).as("a field left out stays").isEqualTo("-90 -0.5");
            set(server, alice, LAT + "=0.00001", LON + "=-0.00002");
            DataForm tiny = form(server, alice);
            assertThat(tiny.value(LAT) + " " + tiny.value(LON)).as("shown as the form takes it back").isEqualTo("0.00001 -0.00002");
            set(server, alice, LAT + "=" + tiny.value(LAT), LON + "=" + tiny.value(LON));
            set(server, alice, LAT + "=", LON + "=");
            assertThat(form(server, alice).value(LAT)).isEmpty();
            server.send(alice, configure("tea", LAT + "=10"));
            assertThat(condition(alice.next())).as("a latitude alone, with no longitude to keep").isEqualTo("bad-request");
        }
    }

    @Test
    void publicOpenLocatedRoomsAreListedUntilTheyStopQualifying() {
        try (TestServer server = new TestServer(new MucModule())) {
            List<String> seen = record(server);
            TestSession alice = server.login("alice@localhost/a");
            createWith(server, alice, "tea", "Alice", "roomname=Tea");
            assertThat(seen).as("no location, nothing to list").isEmpty();
            set(server, alice, LAT + "=48.85", LON + "=2.35");
            set(server, alice, "roomname=Tea room");
            set(server, alice, "membersonly=1");
            set(server, alice, "membersonly=0");
            set(server, alice, "publicroom=0");
            set(server, alice, "publicroom=1", "passwordprotectedroom=1", "roomsecret=s");
            set(server, alice, "passwordprotectedroom=0");
            set(server, alice, LAT + "=", LON + "=");
            set(server, alice, "roomname=Moved", LAT + "=45.76", LON + "=4.84");
            String tea = room("tea");
            assertThat(seen).containsExactly("listed " + tea + " Tea 48.85 2.35", "listed " + tea + " Tea room 48.85 2.35", "unlisted " + tea,
                    "listed " + tea + " Tea room 48.85 2.35", "unlisted " + tea,
                    "listed " + tea + " Tea room 48.85 2.35", "unlisted " + tea,
                    "listed " + tea + " Moved 45.76 4.84");
            seen.clear();
            server.send(alice, "<presence type='unavailable' to='" + tea + "/Alice'/>");
            alice.next();
            assertThat(seen).as("a temporary room vanishes with its last occupant").containsExactly("unlisted " + tea);
        }
    }

    @Test
    void persistentRoomKeepsItsLocationAndAnswersForItsOutcasts() {
        MemoryStores stores = new MemoryStores();
        try (TestServer server = new TestServer(ServerConfig.defaults(), stores, new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            createWith(server, alice, "tea", "Alice", "persistentroom=1", "roomname=Tea", LAT + "=48.85", LON + "=2.35");
            server.send(alice, "<iq type='set' id='ban' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#admin'>"
                    + "<item affiliation='outcast' jid='bob@localhost'/></query></iq>");
            assertThat(alice.next().type()).isEqualTo("result");
        }
        try (TestServer server = new TestServer(ServerConfig.defaults(), stores, new MucModule())) {
            List<String> seen = record(server);
            server.context().events().publish(new PublicPlacesWanted());
            assertThat(seen).containsExactly("listed " + room("tea") + " Tea 48.85 2.35");
            var events = server.context().events();
            assertThat(events.publish(new PlaceBanQuery(Jids.of(room("tea")), Jids.of("bob@localhost").asEntityBareJidIfPossible()))).isTrue();
            assertThat(events.publish(new PlaceBanQuery(Jids.of(room("tea")), Jids.of("carol@localhost").asEntityBareJidIfPossible()))).isFalse();
            assertThat(events.publish(new PlaceBanQuery(Jids.of(room("other")), Jids.of("bob@localhost").asEntityBareJidIfPossible()))).isFalse();

            TestSession alice = server.login("alice@localhost/a");
            server.send(alice, "<iq type='set' id='d' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'><destroy/></query></iq>");
            assertThat(alice.next().type()).isEqualTo("result");
            assertThat(seen).as("destroyed").endsWith("unlisted " + room("tea"));
            assertThat(events.publish(new PlaceBanQuery(Jids.of(room("tea")), Jids.of("bob@localhost").asEntityBareJidIfPossible()))).isFalse();
        }
    }
}
