package org.passerelle.store.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.RoomAffiliation;
import org.passerelle.core.store.RoomStore;
import org.passerelle.core.store.StoredRoom;

/** Rows of {@code muc_rooms}, {@code muc_room_options} and {@code muc_affiliations}. */
final class SqlRoomStore implements RoomStore {
    private final SqlDatabase db;

    SqlRoomStore(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public List<StoredRoom> rooms(DomainBareJid service) {
        return db.read(c -> {
            Map<String, Map<String, String>> options = new LinkedHashMap<>();
            for (String jid : Sql.list(c, "SELECT jid FROM muc_rooms WHERE service = ? ORDER BY jid", rs -> rs.getString(1),
                    service.toString())) {
                options.put(jid, new HashMap<>());
            }
            for (String[] row : Sql.list(c, "SELECT o.room, o.option_name, o.option_value FROM muc_room_options o "
                    + "JOIN muc_rooms r ON r.jid = o.room WHERE r.service = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, service.toString())) {
                options.get(row[0]).put(row[1], row[2]);
            }
            Map<String, List<RoomAffiliation>> affiliations = new HashMap<>();
            for (Object[] row : Sql.list(c, "SELECT a.room, a.jid, a.affiliation, a.nick, a.reason FROM muc_affiliations a "
                    + "JOIN muc_rooms r ON r.jid = a.room WHERE r.service = ? ORDER BY a.room, a.jid",
                    rs -> new Object[] {rs.getString(1), affiliation(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))},
                    service.toString())) {
                affiliations.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((RoomAffiliation) row[1]);
            }
            List<StoredRoom> out = new ArrayList<>(options.size());
            options.forEach((jid, config) -> out.add(new StoredRoom(roomJid(jid), config,
                    affiliations.getOrDefault(jid, List.of()))));
            return out;
        });
    }

    @Override
    public Optional<StoredRoom> room(EntityBareJid room) {
        return db.read(c -> {
            if (!exists(c, room)) return Optional.empty();
            Map<String, String> config = new HashMap<>();
            for (String[] row : Sql.list(c, "SELECT option_name, option_value FROM muc_room_options WHERE room = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, room.toString())) {
                config.put(row[0], row[1]);
            }
            List<RoomAffiliation> affiliations = Sql.list(c,
                    "SELECT jid, affiliation, nick, reason FROM muc_affiliations WHERE room = ? ORDER BY jid",
                    rs -> affiliation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), room.toString());
            return Optional.of(new StoredRoom(room, config, affiliations));
        });
    }

    @Override
    public void saveConfig(EntityBareJid room, Map<String, String> config) {
        db.write(c -> {
            Sql.update(c, "INSERT INTO muc_rooms (jid, service) VALUES (?, ?) ON CONFLICT (jid) DO NOTHING",
                    room.toString(), room.asDomainBareJid().toString());
            Sql.update(c, "DELETE FROM muc_room_options WHERE room = ?", room.toString());
            for (Map.Entry<String, String> e : config.entrySet()) {
                Sql.update(c, "INSERT INTO muc_room_options (room, option_name, option_value) VALUES (?, ?, ?)",
                        room.toString(), e.getKey(), e.getValue());
            }
            return null;
        });
    }

    @Override
    public boolean setAffiliation(EntityBareJid room, RoomAffiliation a) {
        return db.write(c -> {
            if (!exists(c, room)) return false;
            if (a.affiliation().equals("none")) {
                Sql.update(c, "DELETE FROM muc_affiliations WHERE room = ? AND jid = ?", room.toString(), a.jid().toString());
            } else {
                Sql.update(c, "INSERT INTO muc_affiliations (room, jid, affiliation, nick, reason) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (room, jid) DO UPDATE SET affiliation = excluded.affiliation, nick = excluded.nick, "
                        + "reason = excluded.reason",
                        room.toString(), a.jid().toString(), a.affiliation(), a.nick(), a.reason());
            }
            return true;
        });
    }

    @Override
    public boolean delete(EntityBareJid room) {
        return db.write(c -> Sql.update(c, "DELETE FROM muc_rooms WHERE jid = ?", room.toString()) > 0);
    }

    private static boolean exists(Connection c, EntityBareJid room) throws SQLException {
        return Sql.first(c, "SELECT jid FROM muc_rooms WHERE jid = ?", rs -> rs.getString(1), room.toString()).isPresent();
    }

    private static RoomAffiliation affiliation(String jid, String affiliation, String nick, String reason) {
        return new RoomAffiliation(Jids.of(jid).asBareJid(), affiliation, nick, reason);
    }

    private static EntityBareJid roomJid(String jid) {
        return Jids.of(jid).asEntityBareJidOrThrow();
    }
}
