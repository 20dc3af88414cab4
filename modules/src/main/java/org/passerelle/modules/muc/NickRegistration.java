package org.passerelle.modules.muc;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.xml.Element;

/**
 * Registering with a room (XEP-0045 §7.10, §7.12): a user reserves a nickname, which nobody else
 * may then use, and becomes a member (in members-only rooms only members may register). The
 * nickname is found again through the {@code x-roomuser-item} disco node; {@code <remove/>}
 * forgets it (and a plain membership with it). Room lock held.
 */
final class NickRegistration {
    static final String NS = "jabber:iq:register";
    static final String NODE = "x-roomuser-item";
    private static final String FORM = Muc.NS + "#register";
    private static final String FIELD = "muc#register_roomnick";

    private NickRegistration() {
    }

    static Stanza handle(Room room, Stanza iq) throws StanzaException {
        BareJid user = iq.from().asBareJid();
        Affiliation affiliation = room.affiliation(user);
        if (affiliation == Affiliation.OUTCAST) throw new StanzaException("forbidden", "you are banned from this room");
        Element query = iq.element().child("query", NS);
        String registered = room.registeredNick(user);
        if ("get".equals(iq.type())) {
            if (registered != null) {
                return iq.result(Element.builder("query", NS).child(Element.of("registered", NS))
                        .textChild("username", NS, registered).build());
            }
            mayRegister(room, affiliation);
            DataForm form = DataForm.form(FORM, "Register a nickname", "Your nickname will be kept for you in this room.",
                    Field.textSingle(FIELD, "Nickname").asRequired());
            return iq.result(Element.builder("query", NS).child(form.toElement()).build());
        }
        if (query.child("remove", NS) != null) {
            if (affiliation == Affiliation.MEMBER) RoomAdmin.setAffiliation(room, user, Affiliation.NONE, null, null);
            else room.registerNick(user, null);
            return iq.result(null);
        }
        DataForm form = DataForm.find(query);
        if (form == null || !"submit".equals(form.type())) {
            throw new StanzaException("bad-request", "expected a submitted muc#register form");
        }
        if (form.formType() != null && !FORM.equals(form.formType())) {
            throw new StanzaException("bad-request", "FORM_TYPE must be " + FORM);
        }
        String nick = nickname(form.value(FIELD));
        BareJid owner = room.nickOwner(nick);
        Occupant holder = room.occupants.byNick(nick);
        if ((owner != null && !owner.equals(user)) || (holder != null && !holder.real().asBareJid().equals(user))) {
            throw new StanzaException("conflict", "that nickname is taken");
        }
        mayRegister(room, affiliation);
        if (affiliation == Affiliation.NONE) RoomAdmin.setAffiliation(room, user, Affiliation.MEMBER, null, null);
        room.registerNick(user, nick);
        return iq.result(null);
    }

    /** The x-roomuser-item node: the asker's registered nickname as the identity's name (empty when none). */
    static Stanza discoNode(Room room, Stanza iq) {
        Element.Builder q = Element.builder("query", RoomDisco.INFO).attr("node", NODE);
        String nick = room.registeredNick(iq.from().asBareJid());
        if (nick != null) {
            q.child(Element.builder("identity", RoomDisco.INFO).attr("category", "conference").attr("type", "text")
                    .attr("name", nick).build());
        }
        return iq.result(q.build());
    }

    private static void mayRegister(Room room, Affiliation affiliation) throws StanzaException {
        if (room.config.membersOnly() && affiliation == Affiliation.NONE) {
            throw new StanzaException("registration-required", "only members register in this room");
        }
    }

    private static String nickname(String value) throws StanzaException {
        if (value == null || Nicknames.key(value).isEmpty()) throw new StanzaException("not-acceptable", "a nickname is required");
        try {
            return Resourcepart.from(value).toString();
        } catch (XmppStringprepException e) {
            throw new StanzaException("jid-malformed", "not a valid nickname");
        }
    }
}
