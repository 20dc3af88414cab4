package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smackx.geoloc.GeoLocationManager;
import org.jivesoftware.smackx.geoloc.packet.GeoLocation;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.search.ReportedData;
import org.jivesoftware.smackx.search.UserSearchManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;

/**
 * Geolocated rooms with real clients: an owner places rooms around Paris (and one in Lyon) through
 * the room configuration form with Smack, and the XEP-0055 search of the nearby service returns
 * exactly the public, open rooms within the radius, without the one that bans the asker.
 */
class NearbyRoomsIT {
    private static final DomainBareJid NEARBY = Jids.of("nearby.localhost").asDomainBareJid();
    private static final String LAT = "{urn:passerelle:muc:location}lat";
    private static final String LON = "{urn:passerelle:muc:location}lon";
    private static ItServer server;
    private final List<XMPPTCPConnection> open = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
        // Smack 4.4 has no XEP-0421 parser and its generic one trips an assertion (as in MucIT).
        ProviderManager.addExtensionProvider("occupant-id", "urn:xmpp:occupant-id:0", new ExtensionElementProvider<StandardExtensionElement>() {
            @Override
            public StandardExtensionElement parse(XmlPullParser parser, int depth, XmlEnvironment env) {
                return StandardExtensionElement.builder("occupant-id", "urn:xmpp:occupant-id:0")
                        .addAttribute("id", parser.getAttributeValue("", "id")).build();
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private XMPPTCPConnection connect(String local) throws Exception {
        server.user(local, local + "-pw");
        XMPPTCPConnection c = server.connect(local, local + "-pw", "phone");
        c.setReplyTimeout(30_000); // the machine may be busy with benchmarks
        open.add(c);
        return c;
    }

    /** A user at a place, opted in to be found (publicly, 0.01° precision). */
    private XMPPTCPConnection locatedUser(String local, double lat, double lon) throws Exception {
        XMPPTCPConnection c = connect(local);
        GeoLocationManager.getInstanceFor(c).publishGeoLocation(GeoLocation.builder().setLat(lat).setLon(lon).build());
        RawIq.send(c, IQ.Type.set, NEARBY, "query", "jabber:iq:register", "<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>jabber:iq:register</value></field>"
                + "<field var='visibility'><value>public</value></field><field var='precision'><value>0.01</value></field></x>");
        return c;
    }

    /** Creates a room at a place with the given boolean options (muc#roomconfig_ names without the prefix). */
    private static MultiUserChat room(XMPPTCPConnection owner, String name, String lat, String lon, String... trueOptions) throws Exception {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(owner).getMultiUserChat(Jids.of(name + "@conference.localhost").asEntityBareJidIfPossible());
        assertThat(muc.createOrJoin(Resourcepart.from("owner"))).as("created").isNotNull();
        FillableForm form = muc.getConfigurationForm().getFillableForm();
        form.setAnswer("muc#roomconfig_roomname", name);
        form.setAnswer("muc#roomconfig_publicroom", true);
        for (String o : trueOptions) form.setAnswer("muc#roomconfig_" + o, true);
        form.setAnswer(LAT, lat);
        form.setAnswer(LON, lon);
        muc.sendConfigurationForm(form);
        return muc;
    }

    /** The rooms found: "jid name lat lon", nearest first. */
    private static List<String> rooms(XMPPTCPConnection asker, String radiusKm) throws Exception {
        UserSearchManager search = new UserSearchManager(asker);
        FillableForm form = search.getSearchForm(NEARBY).getFillableForm();
        form.setAnswer("radius", radiusKm);
        ReportedData found = search.getSearchResults(form, NEARBY);
        List<String> rows = new ArrayList<>();
        for (ReportedData.Row row : found.getRows()) {
            if (!row.getValues("kind").getFirst().toString().equals("room")) continue;
            rows.add(row.getValues("jid").getFirst() + " " + row.getValues("name").getFirst() + " "
                    + row.getValues("lat").getFirst() + " " + row.getValues("lon").getFirst());
        }
        return rows;
    }

    @Test
    void searchFindsThePublicOpenRoomsAroundExceptThoseThatBanTheAsker() throws Exception {
        try {
            XMPPTCPConnection owner = connect("roomowner");
            room(owner, "paris", "48.857", "2.353");
            room(owner, "louvre", "48.861", "2.336");
            MultiUserChat hidden = room(owner, "hidden", "48.857", "2.353");
            FillableForm hide = hidden.getConfigurationForm().getFillableForm();
            hide.setAnswer("muc#roomconfig_publicroom", false);
            hidden.sendConfigurationForm(hide);
            room(owner, "club", "48.857", "2.353", "membersonly");
            room(owner, "lyon", "45.76", "4.84");
            MultiUserChat bar = room(owner, "bar", "48.86", "2.35");
            bar.banUser(Jids.of("bob@localhost").asBareJid(), "no");
            MultiUserChat nowhere = room(owner, "nowhere", "", "");

            // Bad input: a latitude beyond the pole is refused and the room stays where it was (nowhere).
            FillableForm bad = nowhere.getConfigurationForm().getFillableForm();
            bad.setAnswer(LAT, "91");
            bad.setAnswer(LON, "2.35");
            assertThatThrownBy(() -> nowhere.sendConfigurationForm(bad)).isInstanceOfSatisfying(XMPPErrorException.class,
                    e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.bad_request));

            XMPPTCPConnection asker = locatedUser("asker", 48.8566, 2.3522);
            XMPPTCPConnection bob = locatedUser("bob", 48.8566, 2.3522);
            assertThat(rooms(asker, "10")).containsExactly(
                    "paris@conference.localhost paris 48.857 2.353",
                    "bar@conference.localhost bar 48.860 2.350",
                    "louvre@conference.localhost louvre 48.861 2.336");
            assertThat(rooms(asker, "1")).as("louvre is 1.2 km away").hasSize(2);
            assertThat(rooms(bob, "10")).as("bob is an outcast of bar").containsExactly(
                    "paris@conference.localhost paris 48.857 2.353",
                    "louvre@conference.localhost louvre 48.861 2.336");
            assertThat(rooms(asker, "50")).as("Lyon is 390 km away").hasSize(3);

            owner.disconnect(); // the temporary rooms go with their last occupant
            Await.until("the rooms unlisted", () -> {
                try {
                    return rooms(asker, "50").isEmpty();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            for (XMPPTCPConnection c : open) c.disconnect();
        }
    }

    @Test
    void aPersistentRoomIsFoundAgainAfterARestart() throws Exception {
        try {
            XMPPTCPConnection owner = connect("keeper");
            room(owner, "harbour", "43.2965", "5.3698", "persistentroom"); // Marseille, far from the other test's rooms
            owner.disconnect();
            locatedUser("finder", 43.297, 5.37).disconnect();
            open.clear();
            server.restart();
            XMPPTCPConnection finder = server.connect("finder", "finder-pw", "phone");
            open.add(finder);
            assertThat(rooms(finder, "1")).containsExactly("harbour@conference.localhost harbour 43.297 5.370");
        } finally {
            for (XMPPTCPConnection c : open) c.disconnect();
        }
    }
}
