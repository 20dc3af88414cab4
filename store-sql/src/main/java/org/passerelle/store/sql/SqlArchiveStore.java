package org.passerelle.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ArchiveFilter;
import org.passerelle.core.store.ArchiveIds;
import org.passerelle.core.store.ArchivePage;
import org.passerelle.core.store.ArchiveStore;
import org.passerelle.core.store.ArchivedMessage;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlWriter;

/**
 * Archives in {@code archive_messages}: the peer split into bare JID and resource (so 'with'
 * matches a bare JID on an index), the stanza as XML text, the time inside the id. Every query
 * is an id range of one owner, walked on an index in either direction. {@code archive_counts}
 * keeps each archive's size for the unfiltered count.
 */
final class SqlArchiveStore implements ArchiveStore {
    private static final String COLUMNS = "id, with_jid, with_resource, outgoing, stanza";
    private static final String INSERT = "INSERT INTO archive_messages (owner, id, with_jid, with_resource, outgoing, stanza) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    private final SqlDatabase db;
    private final ArchiveIds ids = new ArchiveIds();

    SqlArchiveStore(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public ArchivedMessage append(BareJid owner, ArchivedMessage message) {
        return appendAll(owner, List.of(message)).getFirst();
    }

    @Override
    public List<ArchivedMessage> appendAll(BareJid owner, List<ArchivedMessage> messages) {
        List<ArchivedMessage> stored = new ArrayList<>(messages.size());
        List<String> xml = new ArrayList<>(messages.size());
        for (ArchivedMessage m : messages) {
            long id = ids.next(m.stamp());
            stored.add(m.withId(ArchiveIds.format(id), ArchiveIds.time(id)));
            xml.add(XmlWriter.toXml(m.stanza()));
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (int i = 0; i < stored.size(); i++) {
                    ArchivedMessage m = stored.get(i);
                    ps.setString(1, owner.toString());
                    ps.setLong(2, ArchiveIds.parse(m.id()).orElseThrow());
                    ps.setString(3, m.with().asBareJid().toString());
                    ps.setString(4, m.with().hasResource() ? m.with().getResourceOrThrow().toString() : null);
                    ps.setBoolean(5, m.outgoing());
                    ps.setString(6, xml.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return adjustCount(c, owner.toString(), stored.size());
        });
        return stored;
    }

    @Override
    public ArchivePage page(BareJid owner, ArchiveFilter filter, String after, String before, boolean fromEnd, int max) {
        Where w = where(owner, filter);
        if (after != null) w.above(ArchiveIds.parse(after));
        if (before != null) w.below(ArchiveIds.parse(before));
        if (w.empty() || max <= 0) return new ArchivePage(List.of(), w.empty());
        List<Object> args = new ArrayList<>(w.args);
        args.add(max + 1);
        List<ArchivedMessage> rows = db.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM archive_messages WHERE " + w.sql
                + " ORDER BY id " + (fromEnd ? "DESC" : "ASC") + " LIMIT ?", SqlArchiveStore::message, args.toArray()));
        boolean complete = rows.size() <= max;
        List<ArchivedMessage> page = new ArrayList<>(complete ? rows : rows.subList(0, max));
        if (fromEnd) Collections.reverse(page);
        return new ArchivePage(page, complete);
    }

    @Override
    public long count(BareJid owner, ArchiveFilter filter) {
        if (filter.equals(ArchiveFilter.ALL)) {
            return db.read(c -> Sql.first(c, "SELECT messages FROM archive_counts WHERE owner = ?", rs -> rs.getLong(1),
                    owner.toString()).orElse(0L));
        }
        Where w = where(owner, filter);
        if (w.empty()) return 0;
        return db.read(c -> Sql.first(c, "SELECT COUNT(*) FROM archive_messages WHERE " + w.sql, rs -> rs.getLong(1),
                w.args.toArray()).orElse(0L));
    }

    @Override
    public boolean contains(BareJid owner, String id) {
        OptionalLong n = ArchiveIds.parse(id);
        if (n.isEmpty()) return false;
        return db.read(c -> Sql.first(c, "SELECT 1 FROM archive_messages WHERE owner = ? AND id = ?", rs -> true,
                owner.toString(), n.getAsLong()).isPresent());
    }

    @Override
    public Optional<ArchivedMessage> edge(BareJid owner, boolean newest) {
        return db.read(c -> Sql.first(c, "SELECT " + COLUMNS + " FROM archive_messages WHERE owner = ? ORDER BY id "
                + (newest ? "DESC" : "ASC") + " LIMIT 1", SqlArchiveStore::message, owner.toString()));
    }

    /** Counts first, on the id index (only the old rows), so that each archive's count goes down by what went. */
    @Override
    public int deleteBefore(Instant cutoff) {
        long below = ArchiveIds.floor(cutoff);
        return db.write(c -> {
            List<Map.Entry<String, Long>> old = Sql.list(c, "SELECT owner, COUNT(*) FROM archive_messages WHERE id < ? GROUP BY owner",
                    rs -> Map.entry(rs.getString(1), rs.getLong(2)), below);
            int deleted = Sql.update(c, "DELETE FROM archive_messages WHERE id < ?", below);
            for (Map.Entry<String, Long> e : old) adjustCount(c, e.getKey(), -e.getValue());
            return deleted;
        });
    }

    @Override
    public int trim(int keep) {
        if (keep < 0) throw new IllegalArgumentException("keep must not be negative");
        List<String> owners = db.read(c -> Sql.list(c,
                "SELECT owner FROM archive_messages GROUP BY owner HAVING COUNT(*) > ?", rs -> rs.getString(1), keep));
        int removed = 0;
        for (String owner : owners) removed += db.write(c -> trim(c, owner, keep));
        return removed;
    }

    /** Deletes what is older than the owner's {@code keep}-th newest message. */
    private static int trim(Connection c, String owner, int keep) throws SQLException {
        int deleted;
        if (keep == 0) {
            deleted = Sql.update(c, "DELETE FROM archive_messages WHERE owner = ?", owner);
        } else {
            Optional<Long> oldestKept = Sql.first(c, "SELECT id FROM archive_messages WHERE owner = ? ORDER BY id DESC LIMIT 1 OFFSET ?",
                    rs -> rs.getLong(1), owner, keep - 1);
            if (oldestKept.isEmpty()) return 0;
            deleted = Sql.update(c, "DELETE FROM archive_messages WHERE owner = ? AND id < ?", owner, oldestKept.get());
        }
        adjustCount(c, owner, -deleted);
        return deleted;
    }

    @Override
    public void deleteAll(BareJid owner) {
        db.write(c -> {
            // The count row first: an append that already counted holds its lock, and its rows are then seen and deleted.
            Sql.update(c, "DELETE FROM archive_counts WHERE owner = ?", owner.toString());
            return Sql.update(c, "DELETE FROM archive_messages WHERE owner = ?", owner.toString());
        });
    }

    private static int adjustCount(Connection c, String owner, long change) throws SQLException {
        return Sql.update(c, "INSERT INTO archive_counts (owner, messages) VALUES (?, ?) "
                + "ON CONFLICT (owner) DO UPDATE SET messages = archive_counts.messages + excluded.messages", owner, change);
    }

    /** The WHERE clause of a filter: the owner, the peer, one id range and maybe an id list. */
    private static Where where(BareJid owner, ArchiveFilter f) {
        Where w = new Where(owner);
        if (f.with() != null) {
            w.and("with_jid = ?", f.with().asBareJid().toString());
            if (f.with().hasResource()) w.and("with_resource = ?", f.with().getResourceOrThrow().toString());
        }
        if (f.start() != null) w.low = Math.max(w.low, ArchiveIds.floor(f.start()));
        if (f.end() != null) w.high = Math.min(w.high, ArchiveIds.ceiling(f.end()));
        if (f.afterId() != null) w.above(ArchiveIds.parse(f.afterId()));
        if (f.beforeId() != null) w.below(ArchiveIds.parse(f.beforeId()));
        if (!f.ids().isEmpty()) {
            List<Long> wanted = new ArrayList<>();
            for (String id : f.ids()) ArchiveIds.parse(id).ifPresent(wanted::add);
            if (wanted.isEmpty()) w.low = Long.MAX_VALUE;
            else w.and("id IN (" + Sql.marks(wanted.size()) + ")", wanted.toArray());
        }
        return w;
    }

    /** A clause being built; the id range is added last so the index range follows the equalities. */
    private static final class Where {
        final List<Object> args = new ArrayList<>();
        String sql = "owner = ?";
        long low = 0;
        long high = Long.MAX_VALUE;
        private boolean rangeAdded;

        Where(BareJid owner) {
            args.add(owner.toString());
        }

        void and(String clause, Object... values) {
            sql += " AND " + clause;
            args.addAll(List.of(values));
        }

        /** Strictly after the id; an id that cannot be ours matches nothing. */
        void above(OptionalLong id) {
            low = Math.max(low, id.isPresent() && id.getAsLong() < Long.MAX_VALUE ? id.getAsLong() + 1 : Long.MAX_VALUE);
        }

        void below(OptionalLong id) {
            high = Math.min(high, id.isPresent() ? id.getAsLong() - 1 : -1);
        }

        boolean empty() {
            finish();
            return low > high;
        }

        private void finish() {
            if (rangeAdded) return;
            rangeAdded = true;
            sql += " AND id >= ? AND id <= ?";
            args.add(low);
            args.add(high);
        }
    }

    private static ArchivedMessage message(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        String resource = rs.getString(3);
        Jid with = Jids.of(resource == null ? rs.getString(2) : rs.getString(2) + "/" + resource);
        Element stanza = Sql.xml(rs.getString(5), "archived message " + id);
        return new ArchivedMessage(ArchiveIds.format(id), ArchiveIds.time(id), with, rs.getBoolean(4), stanza);
    }
}
