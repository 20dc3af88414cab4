package org.passerelle.modules.muc;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/**
 * Mediated invitations (XEP-0045 §7.8.2): an occupant asks the room to invite someone; the room
 * sends the invitation (with the password, if any) and, in a members-only room, makes the invitee
 * a member. A decline goes back to the inviter through the room. Direct invitations (XEP-0249)
 * go from client to client and need nothing here.
 */
final class Invitations {
    private Invitations() {
    }

    static void handle(Room room, Stanza m, Occupant me, Element x) throws StanzaException {
        Element decline = x.child("decline", Muc.USER);
        if (decline != null) {
            Jid inviter = Jids.parse(required(decline.attr("to")));
            Element out = Element.builder("message", Namespaces.CLIENT).child(Element.builder("x", Muc.USER)
                    .child(Element.builder("decline", Muc.USER).attr("from", m.from().asBareJid().toString())
                            .textChild("reason", Muc.USER, decline.childText("reason", Muc.USER)).build()).build()).build();
            room.send(out, room.jid, inviter);
            return;
        }
        if (me == null) throw new StanzaException("not-acceptable", "only occupants may invite");
        Affiliation mine = room.affiliation(me.real().asBareJid());
        boolean allowed = room.config.membersOnly()
                ? mine.isAdmin() || (room.config.allowInvites() && mine == Affiliation.MEMBER)
                : mine.isAdmin() || me.role() == Role.MODERATOR || room.config.allowInvites();
        if (!allowed) throw new StanzaException("forbidden", "you may not invite people to this room");
        for (Element invite : x.children("invite", Muc.USER)) {
            Jid invitee = Jids.parse(required(invite.attr("to")));
            BareJid bare = invitee.asBareJid();
            if (room.config.membersOnly() && room.affiliation(bare) == Affiliation.NONE) {
                room.setAffiliation(bare, Affiliation.MEMBER, null);
            }
            Element.Builder ux = Element.builder("x", Muc.USER).child(Element.builder("invite", Muc.USER)
                    .attr("from", me.real().toString())
                    .textChild("reason", Muc.USER, invite.childText("reason", Muc.USER)).build());
            if (room.config.needsPassword()) ux.textChild("password", Muc.USER, room.config.password());
            String reason = invite.childText("reason", Muc.USER);
            Element out = Element.builder("message", Namespaces.CLIENT).child(ux.build())
                    .textChild("body", Namespaces.CLIENT, me.real().asBareJid() + " invites you to " + room.jid
                            + (reason == null || reason.isEmpty() ? "" : ": " + reason)).build();
            room.send(out, room.jid, invitee);
        }
    }

    private static String required(String jid) throws StanzaException {
        if (jid == null) throw new StanzaException("bad-request", "an invitation or decline needs a 'to' JID");
        return jid;
    }
}
