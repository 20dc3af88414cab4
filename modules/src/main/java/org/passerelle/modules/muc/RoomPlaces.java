package org.passerelle.modules.muc;

import java.util.Collection;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.PublicPlaceListed;
import org.passerelle.core.event.PublicPlaceUnlisted;

/**
 * Rooms offered to location searches (the nearby module) through core events, so neither module
 * knows the other: a configured room that is {@link RoomConfig#findable} is listed (again on each
 * change, to move or rename it), and unlisted when it stops qualifying or goes away.
 */
final class RoomPlaces {
    private RoomPlaces() {
    }

    /** Called with the room's lock held, after anything that may change whether it can be found. */
    static void announce(Room room) {
        boolean findable = !room.gone && !room.locked && room.config.findable();
        if (findable) {
            RoomConfig.Location at = room.config.location();
            room.service.events().publish(new PublicPlaceListed(room.jid, room.displayName(), at.lat(), at.lon()));
        } else if (room.listed) {
            room.service.events().publish(new PublicPlaceUnlisted(room.jid));
        }
        room.listed = findable;
    }

    /** Every room announced again (at start, and when a module that keeps places starts). */
    static void announceAll(Collection<Room> rooms) {
        for (Room room : rooms) {
            room.lock.lock();
            try {
                if (!room.gone) announce(room);
            } finally {
                room.lock.unlock();
            }
        }
    }

    /** Is the user an outcast of the room? Such a user is not shown the room in location searches. */
    static boolean bans(Room room, EntityBareJid user) {
        room.lock.lock();
        try {
            return !room.gone && room.affiliation(user) == Affiliation.OUTCAST;
        } finally {
            room.lock.unlock();
        }
    }
}
