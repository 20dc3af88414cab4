package org.passerelle.modules.muc;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.event.EventBus;
import org.passerelle.core.event.RoomDestroyed;
import org.passerelle.core.event.RoomIqRequest;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.Router;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.RoomStore;
import org.passerelle.core.store.StoredRoom;
import org.passerelle.modules.muc.Presences.Change;
import org.passerelle.xml.Element;

/**
 * One MUC service ({@code conference.example.org}): its rooms, and the routing of every stanza
 * sent to the service, a room or an occupant. Each stanza is handled under its room's lock; a
 * room found {@link Room#gone} (emptied or destroyed meanwhile) is looked up again.
 */
final class MucService {
    private final DomainBareJid jid;
    private final Set<DomainBareJid> allServices;
    private final MucOptions options;
    private final ServerContext server;
    private final RoomCreation creation;
    private final SecureRandom random = new SecureRandom();
    private final Map<EntityBareJid, Room> rooms = new ConcurrentHashMap<>();
    /** The rooms each client is in, to take it out when its session ends. */
    private final Map<EntityFullJid, Set<EntityBareJid>> joined = new ConcurrentHashMap<>();
    private final Tombstones tombstones;

    /** {@code allServices}: every MUC service of this server (rooms never talk to rooms). */
    MucService(DomainBareJid jid, MucOptions options, ServerContext server, Set<DomainBareJid> allServices) {
        this.jid = jid;
        this.allServices = allServices;
        this.options = options;
        this.server = server;
        this.creation = new RoomCreation(options, server.accounts());
        this.tombstones = new Tombstones(java.time.Duration.ofDays(options.tombstoneDays()), server.clock());
    }

    /** Loads the persistent rooms from the store. */
    void load() {
        for (StoredRoom s : store().rooms(jid)) rooms.put(s.jid(), Room.load(s, this));
        RoomPlaces.announceAll(rooms.values());
    }

    /** Announces every findable room again to location searches. */
    void announcePlaces() {
        RoomPlaces.announceAll(List.copyOf(rooms.values()));
    }

    /** Is {@code place} a room of this service that has {@code user} as an outcast? */
    boolean bans(Jid place, EntityBareJid user) {
        if (!place.asDomainBareJid().equals(jid) || place.hasResource()) return false;
        EntityBareJid roomJid = place.asEntityBareJidIfPossible();
        Room room = roomJid == null ? null : rooms.get(roomJid);
        return room != null && RoomPlaces.bans(room, user);
    }

    DomainBareJid jid() { return jid; }

    MucOptions options() { return options; }

    RoomConfig defaults() { return options.defaults().toConfig(); }

    RoomStore store() { return server.stores().rooms(); }

    Router router() { return server.router(); }

    Clock clock() { return server.clock(); }

    EventBus events() { return server.events(); }

    /** Features other modules give every room (its archive). */
    Set<String> roomFeatures() { return server.features().room(); }

    /** An archive module serves this service's rooms. */
    boolean archiving() { return roomFeatures().contains(Muc.MAM); }

    /** Salts for occupant ids (SecureRandom is thread-safe). */
    SecureRandom random() { return random; }

    /** The router's entry point: takes every stanza addressed to this service's domain. */
    boolean handle(Stanza s) {
        // Rooms never talk to rooms (of any service here): no thread holding a room lock waits for another.
        if (s.from() == null || allServices.contains(s.from().asDomainBareJid())) return true;
        try {
            Stanza answer = dispatch(s);
            if (answer != null) router().route(answer);
        } catch (StanzaException e) {
            router().bounce(s, e.condition(), e.getMessage());
        }
        return true;
    }

    private Stanza dispatch(Stanza s) throws StanzaException {
        if (!s.to().hasLocalpart()) return toService(s);
        if (!(s.from() instanceof EntityFullJid)) throw new StanzaException("bad-request", "rooms talk to clients (full JIDs)");
        EntityBareJid roomJid = s.to().asEntityBareJidIfPossible();
        boolean join = s.isPresence() && s.type() == null && s.to().hasResource();
        boolean seesRealJids;
        while (true) {
            Room room = rooms.get(roomJid);
            boolean created = false;
            if (room == null) {
                if (!join) return missing(s);
                tombstones.check(roomJid);
                room = creation.create(this, roomJid, (EntityFullJid) s.from(), s.element().child("x", Muc.NS) != null, rooms);
                if (room == null) continue; // someone else created it first
                created = true;
            } else {
                room.lock.lock();
            }
            try {
                if (room.gone) continue;
                if (!RoomStanzas.servedElsewhere(s)) return RoomStanzas.dispatch(room, s, created);
                RoomStanzas.checkAccess(room, s);
                seesRealJids = room.config.nonAnonymous();
            } finally {
                if (created && room.occupants.isEmpty() && !room.gone) remove(room); // the creator could not enter
                room.lock.unlock();
            }
            // Another module's IQ (a room archive query): asked without the room's lock.
            if (!events().publish(new RoomIqRequest(roomJid, s, seesRealJids))) throw new StanzaException("service-unavailable", null);
            return null;
        }
    }

    private Stanza toService(Stanza s) throws StanzaException {
        if (!s.isIqRequest()) {
            if (s.isMessage() && !"error".equals(s.type())) throw new StanzaException("service-unavailable", null);
            return null;
        }
        Element payload = s.element().firstElement();
        if (payload != null && payload.is("query", RoomDisco.INFO) && "get".equals(s.type())) return RoomDisco.serviceInfo(s);
        if (payload != null && payload.is("query", RoomDisco.ITEMS) && "get".equals(s.type())) {
            return RoomDisco.serviceItems(s, List.copyOf(rooms.values()));
        }
        throw new StanzaException("service-unavailable", null);
    }

    /** Something for a room that does not exist. */
    private static Stanza missing(Stanza s) throws StanzaException {
        if ("error".equals(s.type()) || (s.isIq() && !s.isIqRequest()) || s.isPresence()) return null;
        throw new StanzaException("item-not-found", "no such room");
    }

    void joined(EntityFullJid real, EntityBareJid room) {
        joined.computeIfAbsent(real, k -> ConcurrentHashMap.newKeySet()).add(room);
    }

    void left(EntityFullJid real, EntityBareJid room) {
        joined.computeIfPresent(real, (k, set) -> {
            set.remove(room);
            return set.isEmpty() ? null : set;
        });
    }

    /** Called with the room's lock held: an empty temporary (or never configured) room goes away. */
    void dropIfEmpty(Room room) {
        if (room.occupants.isEmpty() && (!room.config.persistent() || room.locked)) remove(room);
    }

    /** Called with the room's lock held: what other modules kept for the room goes before a new one can take its name. */
    void remove(Room room) {
        room.gone = true;
        RoomPlaces.announce(room);
        events().publish(new RoomDestroyed(room.jid));
        rooms.remove(room.jid, room);
        if (room.config.persistent()) store().delete(room.jid);
    }

    /** An owner destroyed the room: joins under its name are refused for a while. */
    void buried(EntityBareJid room, String alternate, String reason) {
        tombstones.bury(room, alternate, reason);
    }

    /** Every room, for operators ({@link org.passerelle.core.event.RoomListQuery}). */
    void list(List<org.passerelle.core.event.RoomListQuery.Room> into) {
        for (Room room : List.copyOf(rooms.values())) {
            room.lock.lock();
            try {
                if (!room.gone) {
                    into.add(new org.passerelle.core.event.RoomListQuery.Room(room.jid.toString(), room.config.name(),
                            room.occupants.size(), room.config.persistent(), room.config.publicRoom()));
                }
            } finally {
                room.lock.unlock();
            }
        }
    }

    /** An operator destroys the room, as its owner would; false when this service has no such room. */
    boolean destroy(EntityBareJid roomJid, String reason) {
        Room room = rooms.get(roomJid);
        if (room == null) return false;
        room.lock.lock();
        try {
            if (room.gone) return false;
            RoomOwner.destroy(room, null, reason, null);
            return true;
        } catch (StanzaException e) {
            throw new IllegalStateException(e); // only an alternate venue is checked, and there is none
        } finally {
            room.lock.unlock();
        }
    }

    int roomCount() {
        return rooms.size();
    }

    /** The client went offline (unavailable presence or session end): it leaves every room, as if it had said so. */
    void offline(EntityFullJid real, Stanza presence) {
        Set<EntityBareJid> in = joined.get(real);
        if (in == null) return;
        Element payload = presence == null ? Element.of("presence", Namespaces.CLIENT) : Presences.payload(presence.element());
        for (EntityBareJid roomJid : List.copyOf(in)) {
            Room room = rooms.get(roomJid);
            if (room == null) continue;
            room.lock.lock();
            try {
                Occupant o = room.occupants.byReal(real);
                if (!room.gone && o != null) Joining.leave(room, o.withPresence(payload), Change.NONE, Set.of());
            } finally {
                room.lock.unlock();
            }
        }
    }
}
