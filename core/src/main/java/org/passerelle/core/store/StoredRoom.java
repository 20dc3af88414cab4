package org.passerelle.core.store;

import java.util.List;
import java.util.Map;
import org.jxmpp.jid.EntityBareJid;

/** A room as stored: its configuration options and its affiliations (none with "none"). */
public record StoredRoom(EntityBareJid jid, Map<String, String> config, List<RoomAffiliation> affiliations) {
    public StoredRoom {
        config = Map.copyOf(config);
        affiliations = List.copyOf(affiliations);
    }
}
