package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.geoloc.GeoLocationManager;
import org.jivesoftware.smackx.geoloc.packet.GeoLocation;
import org.jivesoftware.smackx.search.ReportedData;
import org.jivesoftware.smackx.search.UserSearchManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.DomainBareJid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;

/**
 * The nearby service with real clients: users placed around Paris (and one in Lyon) publish
 * XEP-0080 locations with Smack, opt in by registration, and the asker's XEP-0055 search returns
 * exactly the opted-in users it may see within the radius, with rounded coordinates.
 */
class NearbyIT {
    private static final DomainBareJid NEARBY = Jids.of("nearby.localhost").asDomainBareJid();
    private static ItServer server;
    private final List<XMPPTCPConnection> open = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private XMPPTCPConnection user(String local, double lat, double lon, String visibility, String precision) throws Exception {
        server.user(local, local + "-pw");
        XMPPTCPConnection c = server.connect(local, local + "-pw", "phone");
        open.add(c);
        GeoLocationManager.getInstanceFor(c).publishGeoLocation(GeoLocation.builder().setLat(lat).setLon(lon).build());
        if (visibility != null) {
            RawIq.send(c, IQ.Type.set, NEARBY, "query", "jabber:iq:register", "<x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='FORM_TYPE' type='hidden'><value>jabber:iq:register</value></field>"
                    + "<field var='visibility'><value>" + visibility + "</value></field>"
                    + "<field var='precision'><value>" + precision + "</value></field></x>");
        }
        return c;
    }

    private static List<String> search(XMPPTCPConnection asker, String radiusKm) throws Exception {
        UserSearchManager search = new UserSearchManager(asker);
        FillableForm form = search.getSearchForm(NEARBY).getFillableForm();
        form.setAnswer("radius", radiusKm);
        ReportedData found = search.getSearchResults(form, NEARBY);
        List<String> rows = new ArrayList<>();
        for (ReportedData.Row row : found.getRows()) {
            rows.add(row.getValues("jid").getFirst() + " " + row.getValues("lat").getFirst() + " " + row.getValues("lon").getFirst());
        }
        return rows;
    }

    @Test
    void searchFindsExactlyTheVisibleOptedInUsersAroundTheAsker() throws Exception {
        try {
            XMPPTCPConnection asker = user("asker", 48.8566, 2.3522, "contacts", "0.01");
            user("bea", 48.8606, 2.3376, "public", "0.01");
            XMPPTCPConnection carl = user("carl", 48.85, 2.30, "contacts", "0.01");
            user("dora", 48.857, 2.352, "contacts", "0.01");
            user("eve", 45.76, 4.84, "public", "0.01");
            user("fred", 48.857, 2.352, null, null);
            user("gus", 48.857, 2.352, "public", "0.01");
            XMPPTCPConnection hugo = user("hugo", 48.857, 2.352, "public", "0.01");
            user("ines", 48.87, 2.38, "public", "0.1");
            Contacts.befriend(asker, carl);
            BlockingCommandManager.getInstanceFor(asker).blockContacts(List.of(Jids.of("gus@localhost")));
            BlockingCommandManager.getInstanceFor(hugo).blockContacts(List.of(Jids.of("asker@localhost")));

            assertThat(search(asker, "10")).containsExactly(
                    "bea@localhost 48.86 2.34",
                    "carl@localhost 48.85 2.30",
                    "ines@localhost 48.9 2.4");
            assertThat(search(asker, "1.5")).containsExactly("bea@localhost 48.86 2.34");
            assertThat(search(asker, "50")).as("Lyon is 390 km away").hasSize(3);

            // Bad input: an invalid position is refused and the last valid one stays in use.
            assertThatThrownBy(() -> GeoLocationManager.getInstanceFor(carl).publishGeoLocation(
                    GeoLocation.builder().setLat(Double.NaN).setLon(2.3).build()))
                    .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class,
                            e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.bad_request));
            assertThat(search(asker, "10")).contains("carl@localhost 48.85 2.30");
        } finally {
            for (XMPPTCPConnection c : open) c.disconnect();
        }
    }
}
