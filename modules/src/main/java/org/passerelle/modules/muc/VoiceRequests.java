package org.passerelle.modules.muc;

import java.util.List;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.xml.Element;

/**
 * Voice requests (XEP-0045 §7.13, §8.6): a visitor submits a muc#request form to the room, the
 * room asks every moderator with a form of its own, and a moderator who sends it back with
 * {@code muc#request_allow} true makes the visitor a participant. Room lock held.
 */
final class VoiceRequests {
    static final String NS = Muc.NS + "#request";

    private VoiceRequests() {
    }

    /** The form of a voice request or approval in the message, or null. */
    static DataForm find(Stanza m) {
        DataForm f = DataForm.find(m.element());
        return f != null && NS.equals(f.formType()) && "submit".equals(f.type()) ? f : null;
    }

    static void handle(Room room, Occupant me, DataForm f) throws StanzaException {
        if (me == null) throw new StanzaException("not-acceptable", "only occupants ask for voice");
        if (me.role() == Role.MODERATOR && f.field("muc#request_allow") != null) {
            approve(room, me, f);
            return;
        }
        if (me.role() != Role.VISITOR) return; // participants already have voice
        Element form = DataForm.form(NS, "Voice request", "To grant voice to this occupant, set the field below and submit.",
                Field.listSingle("muc#role", "Requested role", List.of()).withValue("participant"),
                Field.jidSingle("muc#jid", "User ID").withValue(me.real().toString()),
                Field.textSingle("muc#roomnick", "Room nickname").withValue(me.nick()),
                Field.of("boolean", "muc#request_allow", "Grant voice to this person?").withValue("false")).toElement();
        Element message = Element.builder("message", Namespaces.CLIENT).child(form).build();
        for (Occupant o : room.occupants.all()) {
            if (o.role() == Role.MODERATOR) room.send(message, room.jid, o.real());
        }
    }

    private static void approve(Room room, Occupant moderator, DataForm f) {
        String allow = f.value("muc#request_allow");
        if (!"true".equals(allow) && !"1".equals(allow)) return;
        String nick = f.value("muc#roomnick");
        Occupant target = nick == null ? null : room.occupants.byNick(nick);
        if (target == null || target.role() != Role.VISITOR) return; // gone, or already has voice
        RoomAdmin.setRole(room, target, Role.PARTICIPANT, moderator.nick(), null);
    }
}
