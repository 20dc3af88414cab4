package org.passerelle.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlFragment;
import org.passerelle.xml.XmlLimits;

class RoomPresenceTest {
    private static final String ME = "r@conference.localhost/bench1";

    private static Element xml(String s) throws Exception {
        return XmlFragment.parse(s, XmlLimits.DEFAULT);
    }

    @Test
    void ownPresenceConfirmsTheJoinAnd201SaysTheRoomIsNew() throws Exception {
        Element p = xml("<presence xmlns='jabber:client' from='" + ME + "'><x xmlns='http://jabber.org/protocol/muc#user'>"
                + "<item affiliation='owner' role='moderator'/><status code='110'/><status code='201'/></x></presence>");
        assertEquals(new RoomPresence(true, true, false), RoomPresence.of(p, ME));
    }

    @Test
    void anotherOccupantsPresenceIsNotOurs() throws Exception {
        Element p = xml("<presence xmlns='jabber:client' from='r@conference.localhost/bench2'/>");
        assertEquals(new RoomPresence(false, false, false), RoomPresence.of(p, ME));
    }

    @Test
    void anErrorFromOurOccupantJidIsARefusal() throws Exception {
        Element p = xml("<presence xmlns='jabber:client' type='error' from='" + ME + "'><error type='cancel'>"
                + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>");
        assertEquals(new RoomPresence(false, false, true), RoomPresence.of(p, ME));
    }
}
