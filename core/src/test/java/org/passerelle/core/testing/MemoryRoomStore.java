package org.passerelle.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.RoomAffiliation;
import org.passerelle.core.store.RoomStore;
import org.passerelle.core.store.StoredRoom;

/** {@link RoomStore} in memory, for module tests; one lock for everything. */
final class MemoryRoomStore implements RoomStore {
    private final Map<EntityBareJid, Map<String, String>> configs = new TreeMap<>(Comparator.comparing(Object::toString));
    private final Map<EntityBareJid, Map<BareJid, RoomAffiliation>> affiliations = new LinkedHashMap<>();

    @Override
    public synchronized List<StoredRoom> rooms(DomainBareJid service) {
        List<StoredRoom> out = new ArrayList<>();
        for (EntityBareJid jid : configs.keySet()) if (jid.asDomainBareJid().equals(service)) out.add(stored(jid));
        return out;
    }

    @Override
    public synchronized Optional<StoredRoom> room(EntityBareJid room) {
        return configs.containsKey(room) ? Optional.of(stored(room)) : Optional.empty();
    }

    @Override
    public synchronized void saveConfig(EntityBareJid room, Map<String, String> config) {
        configs.put(room, Map.copyOf(config));
        affiliations.computeIfAbsent(room, k -> new LinkedHashMap<>());
    }

    @Override
    public synchronized boolean setAffiliation(EntityBareJid room, RoomAffiliation a) {
        Map<BareJid, RoomAffiliation> m = affiliations.get(room);
        if (m == null) return false;
        if (a.affiliation().equals("none")) m.remove(a.jid());
        else m.put(a.jid(), a);
        return true;
    }

    @Override
    public synchronized boolean delete(EntityBareJid room) {
        affiliations.remove(room);
        return configs.remove(room) != null;
    }

    private StoredRoom stored(EntityBareJid jid) {
        return new StoredRoom(jid, configs.get(jid), List.copyOf(affiliations.get(jid).values()));
    }
}
