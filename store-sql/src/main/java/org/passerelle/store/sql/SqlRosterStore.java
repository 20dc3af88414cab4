package org.passerelle.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.RosterChange;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.RosterStore;
import org.passerelle.core.store.Subscription;

/**
 * Items in {@code roster_items}, their groups in {@code roster_groups}, and the owner's version in
 * {@code roster_versions}, raised in the same transaction as the change it versions.
 */
final class SqlRosterStore implements RosterStore {
    private static final String COLUMNS = "contact, name, subscription, ask_out, pending_in, pre_approved, listed";

    private static final String UPSERT = "INSERT INTO roster_items (owner, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (owner, contact) DO UPDATE SET name = excluded.name, subscription = excluded.subscription, "
            + "ask_out = excluded.ask_out, pending_in = excluded.pending_in, pre_approved = excluded.pre_approved, listed = excluded.listed";
    private static final String ITEM_WITH_GROUPS = "SELECT i.contact, i.name, i.subscription, i.ask_out, i.pending_in, "
            + "i.pre_approved, i.listed, g.group_name FROM roster_items i LEFT JOIN roster_groups g "
            + "ON g.owner = i.owner AND g.contact = i.contact WHERE i.owner = ? AND i.contact = ?";
    private static final String INSERT_GROUP = "INSERT INTO roster_groups (owner, contact, group_name) VALUES (?, ?, ?)";

    private final SqlDatabase db;

    SqlRosterStore(SqlDatabase db) {
        this.db = db;
    }

    /** In contact order. */
    @Override
    public List<RosterItem> items(EntityBareJid owner) {
        String key = owner.toString();
        return db.read(c -> {
            List<RosterItem> items = Sql.list(c, "SELECT " + COLUMNS + " FROM roster_items WHERE owner = ? ORDER BY contact",
                    SqlRosterStore::item, key);
            Map<String, Set<String>> groups = new HashMap<>();
            for (Map.Entry<String, String> g : Sql.list(c, "SELECT contact, group_name FROM roster_groups WHERE owner = ?",
                    rs -> Map.entry(rs.getString(1), rs.getString(2)), key)) {
                groups.computeIfAbsent(g.getKey(), k -> new HashSet<>()).add(g.getValue());
            }
            List<RosterItem> out = new ArrayList<>(items.size());
            for (RosterItem i : items) out.add(i.withGroups(groups.getOrDefault(i.contact().toString(), Set.of())));
            return out;
        });
    }

    @Override
    public Optional<RosterItem> item(EntityBareJid owner, BareJid contact) {
        String key = owner.toString();
        String contactKey = contact.toString();
        return db.read(c -> Optional.ofNullable(read(c, key, contactKey)));
    }

    @Override
    public long put(EntityBareJid owner, RosterItem item) {
        String key = owner.toString();
        String contactKey = item.contact().toString();
        return db.write(c -> {
            Sql.update(c, UPSERT, key, contactKey, item.name(), item.subscription().name(), item.askOut(), item.pendingIn(), item.preApproved(), item.listed());
            Sql.update(c, "DELETE FROM roster_groups WHERE owner = ? AND contact = ?", key, contactKey);
            for (String group : item.groups()) {
                Sql.update(c, INSERT_GROUP, key, contactKey, group);
            }
            return bump(c, key);
        });
    }

    @Override
    public RosterChange update(EntityBareJid owner, BareJid contact, int maxItems, UnaryOperator<RosterItem> change) {
        String key = owner.toString();
        String contactKey = contact.toString();
        return db.write(c -> {
            // The owner's version row is the roster's lock: on PostgreSQL the UPDATE holds it until
            // commit, on SQLite the single write connection already serialises every writer.
            Sql.update(c, "INSERT INTO roster_versions (owner, version) VALUES (?, 0) ON CONFLICT (owner) DO NOTHING", key);
            Sql.update(c, "UPDATE roster_versions SET version = version WHERE owner = ?", key);
            RosterItem before = read(c, key, contactKey);
            RosterItem after = change.apply(before);
            if (java.util.Objects.equals(before, after)) return new RosterChange(before, before, version(c, key), false);
            if (before == null && count(c, key) >= maxItems) return new RosterChange(null, null, version(c, key), true);
            Sql.update(c, "DELETE FROM roster_groups WHERE owner = ? AND contact = ?", key, contactKey);
            if (after == null) {
                Sql.update(c, "DELETE FROM roster_items WHERE owner = ? AND contact = ?", key, contactKey);
            } else {
                Sql.update(c, UPSERT, key, contactKey, after.name(), after.subscription().name(), after.askOut(),
                        after.pendingIn(), after.preApproved(), after.listed());
                for (String group : after.groups()) Sql.update(c, INSERT_GROUP, key, contactKey, group);
            }
            return new RosterChange(before, after, bump(c, key), false);
        });
    }

    /** One item with its groups in one statement: probes read one item per contact at every login. */
    private static RosterItem read(Connection c, String owner, String contact) throws SQLException {
        List<Map.Entry<RosterItem, Optional<String>>> rows = Sql.list(c, ITEM_WITH_GROUPS,
                rs -> Map.entry(item(rs), Optional.ofNullable(rs.getString(8))), owner, contact);
        if (rows.isEmpty()) return null;
        Set<String> groups = new HashSet<>();
        for (Map.Entry<RosterItem, Optional<String>> row : rows) row.getValue().ifPresent(groups::add); // null: no group
        return rows.get(0).getKey().withGroups(Set.copyOf(groups));
    }

    private static int count(Connection c, String owner) throws SQLException {
        return Sql.first(c, "SELECT COUNT(*) FROM roster_items WHERE owner = ?", rs -> rs.getInt(1), owner).orElse(0);
    }

    /** One transaction with batched statements and one version bump. */
    @Override
    public long putAll(EntityBareJid owner, List<RosterItem> items) {
        if (items.isEmpty()) return version(owner);
        String key = owner.toString();
        return db.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT);
                 PreparedStatement clear = c.prepareStatement("DELETE FROM roster_groups WHERE owner = ? AND contact = ?");
                 PreparedStatement group = c.prepareStatement(INSERT_GROUP)) {
                for (RosterItem item : items) {
                    String contactKey = item.contact().toString();
                    upsert.setString(1, key);
                    upsert.setString(2, contactKey);
                    upsert.setString(3, item.name());
                    upsert.setString(4, item.subscription().name());
                    upsert.setBoolean(5, item.askOut());
                    upsert.setBoolean(6, item.pendingIn());
                    upsert.setBoolean(7, item.preApproved());
                    upsert.setBoolean(8, item.listed());
                    upsert.addBatch();
                    clear.setString(1, key);
                    clear.setString(2, contactKey);
                    clear.addBatch();
                    for (String g : item.groups()) {
                        group.setString(1, key);
                        group.setString(2, contactKey);
                        group.setString(3, g);
                        group.addBatch();
                    }
                }
                upsert.executeBatch();
                clear.executeBatch();
                group.executeBatch();
            }
            return bump(c, key);
        });
    }

    @Override
    public long remove(EntityBareJid owner, BareJid contact) {
        String key = owner.toString();
        return db.write(c -> {
            int removed = Sql.update(c, "DELETE FROM roster_items WHERE owner = ? AND contact = ?", key, contact.toString());
            return removed > 0 ? bump(c, key) : version(c, key);
        });
    }

    @Override
    public long version(EntityBareJid owner) {
        return db.read(c -> version(c, owner.toString()));
    }

    @Override
    public int count(EntityBareJid owner) {
        return db.read(c -> Sql.first(c, "SELECT COUNT(*) FROM roster_items WHERE owner = ?", rs -> rs.getInt(1),
                owner.toString()).orElse(0));
    }

    @Override
    public void deleteAll(EntityBareJid owner) {
        String key = owner.toString();
        db.write(c -> {
            Sql.update(c, "DELETE FROM roster_items WHERE owner = ?", key);
            return Sql.update(c, "DELETE FROM roster_versions WHERE owner = ?", key);
        });
    }

    /** Raises the owner's version; the row lock orders concurrent changes of one roster. */
    private static long bump(Connection c, String owner) throws SQLException {
        Sql.update(c, "INSERT INTO roster_versions (owner, version) VALUES (?, 1) "
                + "ON CONFLICT (owner) DO UPDATE SET version = roster_versions.version + 1", owner);
        return version(c, owner);
    }

    private static long version(Connection c, String owner) throws SQLException {
        return Sql.first(c, "SELECT version FROM roster_versions WHERE owner = ?", rs -> rs.getLong(1), owner).orElse(0L);
    }

    private static RosterItem item(ResultSet rs) throws SQLException {
        BareJid contact = Jids.of(rs.getString(1)).asBareJid();
        return new RosterItem(contact, rs.getString(2), Set.of(), Subscription.valueOf(rs.getString(3)),
                rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7));
    }
}
