package org.passerelle.modules.muc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.xml.Element;

/**
 * Service discovery of the service and its rooms (XEP-0045 §6): the service's identity and the
 * public rooms; a room's identity, the features that describe it (with those other modules give
 * rooms, the archive's only when the room is archived) and the muc#roominfo form.
 */
final class RoomDisco {
    static final String INFO = "http://jabber.org/protocol/disco#info";
    static final String ITEMS = "http://jabber.org/protocol/disco#items";

    private RoomDisco() {
    }

    static Stanza serviceInfo(Stanza iq) throws StanzaException {
        noNode(iq, INFO);
        return iq.result(Element.builder("query", INFO)
                .child(identity("Chatrooms"))
                .child(feature(INFO)).child(feature(ITEMS)).child(feature(Muc.NS)).build());
    }

    /** The public rooms, with their names; locked (unconfigured) and hidden rooms are left out. */
    static Stanza serviceItems(Stanza iq, Collection<Room> rooms) throws StanzaException {
        noNode(iq, ITEMS);
        Element.Builder q = Element.builder("query", ITEMS);
        for (Room r : rooms) {
            r.lock.lock();
            try {
                if (r.gone || r.locked || !r.config.publicRoom()) continue;
                q.child(Element.builder("item", ITEMS).attr("jid", r.jid.toString()).attr("name", r.displayName()).build());
            } finally {
                r.lock.unlock();
            }
        }
        return iq.result(q.build());
    }

    /** Called with the room's lock held. */
    static Stanza roomInfo(Room room, Stanza iq) throws StanzaException {
        String node = iq.element().firstElement().attr("node");
        if (NickRegistration.NODE.equals(node)) return NickRegistration.discoNode(room, iq);
        noNode(iq, INFO);
        RoomConfig c = room.config;
        List<String> features = new ArrayList<>(List.of(INFO, ITEMS, Muc.NS, Muc.OCCUPANT_ID, Muc.SELF_PING,
                VoiceRequests.NS, NickRegistration.NS,
                c.persistent() ? "muc_persistent" : "muc_temporary",
                c.membersOnly() ? "muc_membersonly" : "muc_open",
                c.moderated() ? "muc_moderated" : "muc_unmoderated",
                c.nonAnonymous() ? "muc_nonanonymous" : "muc_semianonymous",
                c.needsPassword() ? "muc_passwordprotected" : "muc_unsecured",
                c.publicRoom() ? "muc_public" : "muc_hidden"));
        for (String f : room.service.roomFeatures()) {
            if (c.archive() || !(f.startsWith(Muc.MAM) || f.equals(Muc.STANZA_ID))) features.add(f);
        }
        Element.Builder q = Element.builder("query", INFO).child(identity(room.displayName()));
        for (String f : features) q.child(feature(f));
        q.child(DataForm.result(Muc.ROOMINFO, null,
                Field.textSingle("muc#roominfo_description", "Description").withValue(c.description()),
                Field.textSingle("muc#roominfo_subject", "Subject").withValue(room.subject),
                Field.textSingle("muc#roominfo_occupants", "Number of occupants")
                        .withValue(Integer.toString(room.occupants.size())),
                Field.of("boolean", "muc#roominfo_subjectmod", "Occupants may change the subject")
                        .withValue(c.changeSubject() ? "1" : "0"),
                Field.textSingle("muc#roomconfig_roomname", "Name").withValue(c.name()),
                Field.textSingle("muc#maxhistoryfetch", "Messages kept for newcomers")
                        .withValue(Integer.toString(room.service.options().maxHistory()))).toElement());
        return iq.result(q.build());
    }

    /** The room's items: none, occupants are not listed (their nicknames show when one joins). */
    static Stanza roomItems(Stanza iq) throws StanzaException {
        noNode(iq, ITEMS);
        return iq.result(Element.of("query", ITEMS));
    }

    private static void noNode(Stanza iq, String ns) throws StanzaException {
        Element q = iq.element().child("query", ns);
        if (q != null && q.attr("node") != null) throw new StanzaException("item-not-found", "no such node");
    }

    private static Element identity(String name) {
        return Element.builder("identity", INFO).attr("category", "conference").attr("type", "text").attr("name", name).build();
    }

    private static Element feature(String var) {
        return Element.builder("feature", INFO).attr("var", var).build();
    }
}
