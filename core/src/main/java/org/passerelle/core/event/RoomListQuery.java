package org.passerelle.core.event;

import java.util.List;

/**
 * Asks the room services (XEP-0045) for their rooms, for operators: publish it with an empty
 * list, and each service adds its rooms (all of them, hidden ones too). Not consumed.
 */
public record RoomListQuery(List<Room> rooms) {
    /** One room as the operator sees it. */
    public record Room(String jid, String name, int occupants, boolean persistent, boolean publicRoom) {
    }
}
