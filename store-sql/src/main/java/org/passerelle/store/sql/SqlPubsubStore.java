package org.passerelle.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.PubsubAccess;
import org.passerelle.core.store.PubsubItem;
import org.passerelle.core.store.PubsubNode;
import org.passerelle.core.store.PubsubStore;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlWriter;

/**
 * Nodes in {@code pubsub_nodes}, items in {@code pubsub_items} (payload as XML text), ordered by
 * {@code seq}. The node row's foreign key removes its items with it. A node count past the
 * maximum is refused inside the creating transaction; on PostgreSQL two creations racing for the
 * same owner's last place may both pass (the bound is per request, not a hard quota).
 */
final class SqlPubsubStore implements PubsubStore {
    private static final String NODE_COLUMNS = "owner, node, access_model, max_items, persist_items, send_last, roster_groups";

    private final SqlDatabase db;

    SqlPubsubStore(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<PubsubNode> node(EntityBareJid owner, String name) {
        return db.read(c -> Sql.first(c, "SELECT " + NODE_COLUMNS + " FROM pubsub_nodes WHERE owner = ? AND node = ?",
                SqlPubsubStore::node, owner.toString(), name));
    }

    @Override
    public List<PubsubNode> nodes(EntityBareJid owner) {
        return db.read(c -> Sql.list(c, "SELECT " + NODE_COLUMNS + " FROM pubsub_nodes WHERE owner = ? ORDER BY node",
                SqlPubsubStore::node, owner.toString()));
    }

    @Override
    public boolean create(PubsubNode n, int maxNodes) {
        String owner = n.owner().toString();
        return db.write(c -> {
            int count = Sql.first(c, "SELECT COUNT(*) FROM pubsub_nodes WHERE owner = ?", rs -> rs.getInt(1), owner).orElse(0);
            if (count >= maxNodes) return false;
            return Sql.update(c, "INSERT INTO pubsub_nodes (" + NODE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (owner, node) DO NOTHING", owner, n.name(), n.access().value(), n.maxItems(),
                    n.persistItems(), n.sendLast(), String.join("\n", n.rosterGroups())) == 1;
        });
    }

    @Override
    public boolean configure(PubsubNode n) {
        String owner = n.owner().toString();
        return db.write(c -> {
            int changed = Sql.update(c, "UPDATE pubsub_nodes SET access_model = ?, max_items = ?, persist_items = ?, "
                    + "send_last = ?, roster_groups = ? WHERE owner = ? AND node = ?", n.access().value(), n.maxItems(),
                    n.persistItems(), n.sendLast(), String.join("\n", n.rosterGroups()), owner, n.name());
            if (changed == 0) return false;
            trim(c, owner, n.name(), n.persistItems() ? n.maxItems() : 0);
            return true;
        });
    }

    @Override
    public boolean delete(EntityBareJid owner, String name) {
        return db.write(c -> Sql.update(c, "DELETE FROM pubsub_nodes WHERE owner = ? AND node = ?", owner.toString(), name) > 0);
    }

    @Override
    public void publish(EntityBareJid owner, String name, PubsubItem item, int maxItems) {
        String key = owner.toString();
        String xml = XmlWriter.toXml(item.payload());
        db.write(c -> {
            Sql.update(c, "DELETE FROM pubsub_items WHERE owner = ? AND node = ? AND item_id = ?", key, name, item.id());
            Sql.update(c, "INSERT INTO pubsub_items (owner, node, item_id, publisher, published, payload) VALUES (?, ?, ?, ?, ?, ?)",
                    key, name, item.id(), item.publisher(), item.published().toEpochMilli(), xml);
            trim(c, key, name, maxItems);
            return null;
        });
    }

    /** Keeps the newest {@code max} items of the node. */
    private static void trim(Connection c, String owner, String name, int max) throws SQLException {
        Sql.update(c, "DELETE FROM pubsub_items WHERE owner = ? AND node = ? AND seq NOT IN "
                + "(SELECT seq FROM pubsub_items WHERE owner = ? AND node = ? ORDER BY seq DESC LIMIT ?)",
                owner, name, owner, name, max);
    }

    @Override
    public boolean retract(EntityBareJid owner, String name, String itemId) {
        return db.write(c -> Sql.update(c, "DELETE FROM pubsub_items WHERE owner = ? AND node = ? AND item_id = ?",
                owner.toString(), name, itemId) > 0);
    }

    @Override
    public List<PubsubItem> items(EntityBareJid owner, String name, int max) {
        if (max <= 0) return List.of();
        return db.read(c -> Sql.list(c, "SELECT item_id, publisher, published, payload FROM pubsub_items "
                + "WHERE owner = ? AND node = ? ORDER BY seq DESC LIMIT ?", SqlPubsubStore::item, owner.toString(), name, max));
    }

    @Override
    public Optional<PubsubItem> item(EntityBareJid owner, String name, String itemId) {
        return db.read(c -> Sql.first(c, "SELECT item_id, publisher, published, payload FROM pubsub_items "
                + "WHERE owner = ? AND node = ? AND item_id = ?", SqlPubsubStore::item, owner.toString(), name, itemId));
    }

    @Override
    public void deleteAll(EntityBareJid owner) {
        db.write(c -> Sql.update(c, "DELETE FROM pubsub_nodes WHERE owner = ?", owner.toString()));
    }

    private static PubsubNode node(ResultSet rs) throws SQLException {
        String groups = rs.getString(7);
        return new PubsubNode(Jids.of(rs.getString(1)).asEntityBareJidOrThrow(), rs.getString(2), PubsubAccess.of(rs.getString(3)),
                rs.getInt(4), rs.getBoolean(5), rs.getString(6), groups.isEmpty() ? List.of() : Arrays.asList(groups.split("\n")));
    }

    private static PubsubItem item(ResultSet rs) throws SQLException {
        Element payload = Sql.xml(rs.getString(4), "pubsub item " + rs.getString(1));
        return new PubsubItem(rs.getString(1), rs.getString(2), payload, Instant.ofEpochMilli(rs.getLong(3)));
    }
}
