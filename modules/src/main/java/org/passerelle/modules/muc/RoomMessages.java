package org.passerelle.modules.muc;

import java.time.Instant;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.event.GroupchatMessage;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.xml.Element;

/**
 * Messages to a room (groupchat, subject changes; XEP-0045 §7.4, §8.1) and to an occupant
 * (private messages, §7.5), and IQs between occupants. Called with the room's lock held.
 */
final class RoomMessages {
    private RoomMessages() {
    }

    static void toRoom(Room room, Stanza m) throws StanzaException {
        if ("error".equals(m.type())) return;
        Occupant me = room.occupants.byReal((EntityFullJid) m.from());
        Element x = m.element().child("x", Muc.USER);
        if (x != null && (x.child("invite", Muc.USER) != null || x.child("decline", Muc.USER) != null)) {
            Invitations.handle(room, m, me, x);
            return;
        }
        DataForm request = VoiceRequests.find(m);
        if (request != null) {
            VoiceRequests.handle(room, me, request);
            return;
        }
        if (!"groupchat".equals(m.type())) throw new StanzaException("bad-request", "send groupchat messages to the room");
        if (me == null) throw new StanzaException("not-acceptable", "only occupants may speak in the room");
        boolean hasBody = m.element().child("body", Namespaces.CLIENT) != null;
        Element subject = m.element().child("subject", Namespaces.CLIENT);
        if (subject != null && !hasBody) {
            if (!(me.role() == Role.MODERATOR || (room.config.changeSubject() && me.role().hasVoice()))) {
                throw new StanzaException("forbidden", "you may not change the subject");
            }
            room.subject = subject.text();
            room.subjectNick = me.nick();
            room.saveConfig();
        } else if (!me.role().hasVoice()) {
            throw new StanzaException("forbidden", "visitors may not speak in this moderated room");
        }
        // XEP-0359: only the room's archive says which stanza-id the room gave; a client's claim goes,
        // and so does a muc#user element (an <item jid/> would claim a real JID the room did not give).
        Element out = withOccupantId(m.element(), me).mapElements(e -> (e.is("stanza-id", Muc.STANZA_ID)
                && room.jid.toString().equals(e.attr("by"))) || e.is("x", Muc.USER) ? null : e);
        EntityFullJid from = room.occupantJid(me.nick());
        Instant now = room.service.clock().instant();
        if (hasBody) {
            GroupchatMessage event = new GroupchatMessage(room.jid, from, me.real(), out.withAttr("to", null)
                    .withAttr("from", from.toString()), now, room.config.archive(), room.config.nonAnonymous());
            room.service.events().publish(event); // an archive may add its stanza-id
            for (Element e : event.additions()) out = out.withChild(e);
            room.history.add(out.withAttr("to", null).withAttr("from", from.toString()), from, now);
        }
        for (Occupant o : room.occupants.all()) room.send(out, from, o.real());
    }

    static void toOccupant(Room room, Stanza m) throws StanzaException {
        Occupant me = room.occupants.byReal((EntityFullJid) m.from());
        Occupant target = room.occupants.byNick(m.to().getResourceOrThrow().toString());
        if ("error".equals(m.type())) {
            if (me != null && target != null) room.send(m.element(), room.occupantJid(me.nick()), target.real());
            return;
        }
        if ("groupchat".equals(m.type())) throw new StanzaException("bad-request", "groupchat messages go to the room");
        if (me == null) throw new StanzaException("not-acceptable", "only occupants may send private messages");
        if (target == null) throw new StanzaException("item-not-found", "no such occupant");
        boolean allowed = switch (room.config.allowPm()) {
            case "anyone" -> true;
            case "participants" -> me.role().hasVoice();
            case "moderators" -> me.role() == Role.MODERATOR;
            default -> false;
        };
        if (!allowed) throw new StanzaException("forbidden", "private messages are not allowed here");
        Element out = withOccupantId(m.element(), me);
        if (out.child("x", Muc.USER) == null) out = out.withChild(Element.of("x", Muc.USER));
        for (Occupant t : room.occupants.sessions(target.nick())) room.send(out, room.occupantJid(me.nick()), t.real());
    }

    /** XEP-0421: the room's occupant id replaces any the client put in. */
    private static Element withOccupantId(Element message, Occupant sender) {
        return message.withoutChildren("occupant-id", Muc.OCCUPANT_ID)
                .withChild(Element.builder("occupant-id", Muc.OCCUPANT_ID).attr("id", sender.occupantId()).build());
    }

    /**
     * An IQ to {@code room/nick}: a ping to one's own nickname is answered by the room (XEP-0410),
     * other requests go to the occupant's client and its answer back to the asker.
     */
    static Stanza iqToOccupant(Room room, Stanza iq) throws StanzaException {
        Occupant me = room.occupants.byReal((EntityFullJid) iq.from());
        Occupant target = room.occupants.byNick(iq.to().getResourceOrThrow().toString());
        if (!iq.isIqRequest()) {
            // An answer from an occupant's client to a request we passed on: back to the asker.
            if (me != null && target != null) room.send(iq.element(), room.occupantJid(me.nick()), target.real());
            return null;
        }
        if (me == null) throw new StanzaException("not-acceptable", "you are not in this room");
        if (target == null) throw new StanzaException("item-not-found", "no such occupant");
        Element payload = iq.element().firstElement();
        if (Presences.sameNick(target, me) && payload != null && payload.is("ping", Muc.PING)) return iq.result(null);
        room.send(iq.element(), room.occupantJid(me.nick()), target.real());
        return null;
    }
}
