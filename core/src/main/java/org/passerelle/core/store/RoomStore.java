package org.passerelle.core.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * Persistent multi-user chat rooms (XEP-0045): each room's configuration, as option names and
 * string values chosen by the MUC module, and its affiliations. Temporary rooms never reach it.
 */
public interface RoomStore {
    /** Every stored room of one MUC service ({@code conference.example.org}), in JID order. */
    List<StoredRoom> rooms(DomainBareJid service);

    Optional<StoredRoom> room(EntityBareJid room);

    /** Creates the room or replaces its whole configuration; its affiliations stay. */
    void saveConfig(EntityBareJid room, Map<String, String> config);

    /**
     * Sets one affiliation of a stored room, replacing the previous one; {@code "none"} removes it.
     * Returns false when the room is not stored.
     */
    boolean setAffiliation(EntityBareJid room, RoomAffiliation affiliation);

    /** Removes the room and its affiliations; returns false when it was not stored. */
    boolean delete(EntityBareJid room);
}
