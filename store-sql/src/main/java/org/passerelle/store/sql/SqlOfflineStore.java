package org.passerelle.store.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.OfflineMessage;
import org.passerelle.core.store.OfflineStore;
import org.passerelle.xml.XmlWriter;

/**
 * Messages in {@code offline_messages} as XML text, oldest first by id; {@code offline_counts}
 * holds each owner's count, and raising it under the quota is what admits a message, so
 * concurrent stores never pass the quota. The store sets ids and keeps {@code stored} to the
 * millisecond.
 */
final class SqlOfflineStore implements OfflineStore {
    /** Ids per DELETE, well under both databases' limit on parameters. */
    private static final int DELETE_CHUNK = 500;

    private final SqlDatabase db;

    SqlOfflineStore(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public boolean store(EntityBareJid owner, OfflineMessage message, int quota, List<ChargingRecord> charges) {
        if (quota <= 0) return false;
        String key = owner.toString();
        String xml = XmlWriter.toXml(message.stanza());
        return db.write(c -> {
            int admitted = Sql.update(c, "INSERT INTO offline_counts (owner, messages) VALUES (?, 1) "
                    + "ON CONFLICT (owner) DO UPDATE SET messages = offline_counts.messages + 1 "
                    + "WHERE offline_counts.messages < ?", key, quota);
            if (admitted == 0) return false;
            Sql.update(c, "INSERT INTO offline_messages (owner, stored, stanza) VALUES (?, ?, ?)",
                    key, message.stored().toEpochMilli(), xml);
            SqlChargingStore.insertAll(c, charges);
            return true;
        });
    }

    @Override
    public List<OfflineMessage> list(EntityBareJid owner) {
        return db.read(c -> Sql.list(c, "SELECT id, stored, stanza FROM offline_messages WHERE owner = ? ORDER BY id",
                SqlOfflineStore::message, owner.toString()));
    }

    /** Ids that are not the owner's are ignored. */
    @Override
    public void delete(EntityBareJid owner, Collection<Long> ids) {
        List<Long> all = ids.stream().filter(Objects::nonNull).toList();
        if (all.isEmpty()) return;
        String key = owner.toString();
        db.write(c -> {
            int deleted = 0;
            for (int from = 0; from < all.size(); from += DELETE_CHUNK) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + DELETE_CHUNK));
                Object[] args = new Object[chunk.size() + 1];
                args[0] = key;
                for (int i = 0; i < chunk.size(); i++) args[i + 1] = chunk.get(i);
                deleted += Sql.update(c, "DELETE FROM offline_messages WHERE owner = ? AND id IN (" + Sql.marks(chunk.size()) + ")", args);
            }
            // Lowered by what was really deleted: a concurrent store's message stays counted.
            if (deleted > 0) {
                Sql.update(c, "UPDATE offline_counts SET messages = messages - ? WHERE owner = ?", deleted, key);
            }
            return deleted;
        });
    }

    @Override
    public int count(EntityBareJid owner) {
        return db.read(c -> Sql.first(c, "SELECT messages FROM offline_counts WHERE owner = ?", rs -> rs.getInt(1),
                owner.toString()).orElse(0));
    }

    @Override
    public long total() {
        // One row per owner with messages waiting, kept with each store and delete: no scan of the messages.
        return db.read(c -> Sql.first(c, "SELECT COALESCE(SUM(messages), 0) FROM offline_counts", rs -> rs.getLong(1)).orElse(0L));
    }

    @Override
    public void deleteAll(EntityBareJid owner) {
        String key = owner.toString();
        db.write(c -> {
            // The count row first: its lock waits for a store in progress, whose message is then seen and deleted.
            Sql.update(c, "DELETE FROM offline_counts WHERE owner = ?", key);
            return Sql.update(c, "DELETE FROM offline_messages WHERE owner = ?", key);
        });
    }

    private static OfflineMessage message(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        return new OfflineMessage(id, Instant.ofEpochMilli(rs.getLong(2)), Sql.xml(rs.getString(3), "offline message " + id));
    }
}
