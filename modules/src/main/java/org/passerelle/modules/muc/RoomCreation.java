package org.passerelle.modules.muc;

import java.util.Map;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.auth.Accounts;
import org.passerelle.core.stanza.StanzaException;

/** Who may create rooms ({@code modules.muc.create}) and how many may exist (§10.1). */
final class RoomCreation {
    private final MucOptions options;
    private final Accounts accounts;

    RoomCreation(MucOptions options, Accounts accounts) {
        this.options = options;
        this.accounts = accounts;
    }

    boolean mayCreate(EntityFullJid user) {
        return switch (options.create()) {
            case "admins" -> accounts.isAdmin(user.asEntityBareJid());
            case "domains" -> options.createDomains().contains(user.getDomain().toString());
            default -> true;
        };
    }

    /**
     * Creates the room with {@code creator} as owner and returns it locked (the caller unlocks),
     * or null when another client created it first. A client that asks for MUC (an
     * {@code <x xmlns='muc'/>} in its presence) gets a locked room to configure; an older client an instant one.
     */
    Room create(MucService service, EntityBareJid jid, EntityFullJid creator, boolean speaksMuc, Map<EntityBareJid, Room> rooms)
            throws StanzaException {
        if (!mayCreate(creator)) throw new StanzaException("not-allowed", "you may not create rooms on this service");
        if (rooms.size() >= options.maxRooms()) throw new StanzaException("resource-constraint", "the service has too many rooms");
        Room room = Room.create(jid, service, creator.asBareJid(), speaksMuc);
        room.lock.lock();
        if (rooms.putIfAbsent(jid, room) == null) return room;
        room.lock.unlock();
        return null;
    }
}
