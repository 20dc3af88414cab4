package org.passerelle.store.sql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.KeyValueStore;

/** Rows of {@code key_values}: owner, namespace, key, value. */
final class SqlKeyValueStore implements KeyValueStore {
    private final SqlDatabase db;

    SqlKeyValueStore(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<String> get(EntityBareJid owner, String namespace, String key) {
        return db.read(c -> Sql.first(c, "SELECT item_value FROM key_values WHERE owner = ? AND namespace = ? AND item_key = ?",
                rs -> rs.getString(1), owner.toString(), namespace, key));
    }

    @Override
    public void put(EntityBareJid owner, String namespace, String key, String value) {
        db.write(c -> Sql.update(c, "INSERT INTO key_values (owner, namespace, item_key, item_value) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (owner, namespace, item_key) DO UPDATE SET item_value = excluded.item_value",
                owner.toString(), namespace, key, value));
    }

    @Override
    public boolean delete(EntityBareJid owner, String namespace, String key) {
        return db.write(c -> Sql.update(c, "DELETE FROM key_values WHERE owner = ? AND namespace = ? AND item_key = ?",
                owner.toString(), namespace, key)) > 0;
    }

    @Override
    public Map<String, String> all(EntityBareJid owner, String namespace) {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : Sql.list(c,
                    "SELECT item_key, item_value FROM key_values WHERE owner = ? AND namespace = ? ORDER BY item_key",
                    rs -> Map.entry(rs.getString(1), rs.getString(2)), owner.toString(), namespace)) {
                out.put(e.getKey(), e.getValue());
            }
            return Collections.unmodifiableMap(out);
        });
    }

    @Override
    public void deleteNamespace(EntityBareJid owner, String namespace) {
        db.write(c -> Sql.update(c, "DELETE FROM key_values WHERE owner = ? AND namespace = ?", owner.toString(), namespace));
    }

    @Override
    public void deleteAll(EntityBareJid owner) {
        db.write(c -> Sql.update(c, "DELETE FROM key_values WHERE owner = ?", owner.toString()));
    }
}
