package org.passerelle.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.StoredUpload;
import org.passerelle.core.store.UploadStore;

/** Rows of {@code uploads}. */
final class SqlUploadStore implements UploadStore {
    private static final String COLUMNS = "id, owner, file_name, size, content_type, token_hash, created, expires, state";

    private final SqlDatabase db;

    SqlUploadStore(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public boolean reserve(StoredUpload slot, long quotaBytes, Instant now) {
        return db.write(c -> {
            db.lockOwner(c, slot.owner().toString()); // two requests of one owner must not both pass the sum
            if (used(c, slot.owner(), now) + slot.size() > quotaBytes) return false;
            Sql.update(c, "INSERT INTO uploads (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    slot.id(), slot.owner().toString(), slot.fileName(), slot.size(), slot.contentType(), slot.tokenHash(),
                    slot.created().toEpochMilli(), slot.expires().toEpochMilli(), state(slot.state()));
            return true;
        });
    }

    @Override
    public Optional<StoredUpload> find(String id) {
        return db.read(c -> Sql.first(c, "SELECT " + COLUMNS + " FROM uploads WHERE id = ?", SqlUploadStore::upload, id));
    }

    @Override
    public boolean markStored(String id, Instant fileExpires) {
        return db.write(c -> fileExpires == null
                ? Sql.update(c, "UPDATE uploads SET state = 'stored', expires = NULL WHERE id = ? AND state = 'pending'", id) > 0
                : Sql.update(c, "UPDATE uploads SET state = 'stored', expires = ? WHERE id = ? AND state = 'pending'",
                        fileExpires.toEpochMilli(), id) > 0);
    }

    @Override
    public long usedBytes(EntityBareJid owner, Instant now) {
        return db.read(c -> used(c, owner, now));
    }

    private static long used(Connection c, EntityBareJid owner, Instant now) throws SQLException {
        return Sql.first(c, "SELECT COALESCE(SUM(size), 0) FROM uploads WHERE owner = ? AND (state = 'stored' OR expires > ?)",
                rs -> rs.getLong(1), owner.toString(), now.toEpochMilli()).orElse(0L);
    }

    @Override
    public List<StoredUpload> expired(Instant now, int limit) {
        return db.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM uploads WHERE expires <= ? ORDER BY expires LIMIT ?",
                SqlUploadStore::upload, now.toEpochMilli(), limit));
    }

    @Override
    public boolean delete(String id) {
        return db.write(c -> Sql.update(c, "DELETE FROM uploads WHERE id = ?", id) > 0);
    }

    @Override
    public List<StoredUpload> deleteAll(EntityBareJid owner) {
        return db.write(c -> {
            List<StoredUpload> gone = Sql.list(c, "SELECT " + COLUMNS + " FROM uploads WHERE owner = ?", SqlUploadStore::upload,
                    owner.toString());
            Sql.update(c, "DELETE FROM uploads WHERE owner = ?", owner.toString());
            return gone;
        });
    }

    private static String state(StoredUpload.State s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static StoredUpload upload(ResultSet rs) throws SQLException {
        long expires = rs.getLong(8);
        boolean never = rs.wasNull();
        return new StoredUpload(rs.getString(1), Jids.of(rs.getString(2)).asEntityBareJidOrThrow(), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), never ? null : Instant.ofEpochMilli(expires),
                StoredUpload.State.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)));
    }
}
