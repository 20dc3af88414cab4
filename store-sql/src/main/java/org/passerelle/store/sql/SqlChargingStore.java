package org.passerelle.store.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingStore;
import org.passerelle.core.store.ChargingSubscription;
import org.passerelle.core.store.ChargingTotal;

/** Rows of {@code charging_records} and {@code charging_subscriptions}; amounts as integers of millionths. */
final class SqlChargingStore implements ChargingStore {
    private static final String COLUMNS = "id, at, user_jid, peer, channel, direction, unit, quantity, amount, currency, tariff_item";
    private static final String INSERT = "INSERT INTO charging_records (at, user_jid, peer, channel, direction, unit, quantity, amount, "
            + "currency, tariff_item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final SqlDatabase db;

    SqlChargingStore(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public ChargingRecord add(ChargingRecord record) {
        return db.write(c -> insert(c, record));
    }

    @Override
    public void addAll(List<ChargingRecord> records) {
        if (!records.isEmpty()) db.write(c -> insertAll(c, records));
    }

    /**
     * For the stores whose writes are the events these records charge: the same connection, so
     * the same transaction. One batched statement, no generated keys read back (on SQLite each
     * would be one more query).
     */
    static int insertAll(Connection c, List<ChargingRecord> records) throws SQLException {
        if (records.isEmpty()) return 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (ChargingRecord r : records) {
                bind(ps, r);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return records.size();
    }

    private static void bind(PreparedStatement ps, ChargingRecord r) throws SQLException {
        ps.setLong(1, r.at().toEpochMilli());
        ps.setString(2, r.user().toString());
        ps.setString(3, r.peer());
        ps.setString(4, r.channel());
        ps.setString(5, r.direction());
        ps.setString(6, r.unit());
        ps.setLong(7, r.quantity());
        ps.setLong(8, micros(r.amount()));
        ps.setString(9, r.currency());
        ps.setString(10, r.tariffItem());
    }

    private static ChargingRecord insert(Connection c, ChargingRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, r);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("no id generated for a charging record");
                return new ChargingRecord(keys.getLong(1), r.at(), r.user(), r.peer(), r.channel(), r.direction(), r.unit(),
                        r.quantity(), amount(micros(r.amount())), r.currency(), r.tariffItem());
            }
        }
    }

    @Override
    public List<ChargingRecord> records(EntityBareJid user, Instant from, Instant to, long afterId, int limit) {
        return db.read(c -> user == null
                ? Sql.list(c, "SELECT " + COLUMNS + " FROM charging_records WHERE at >= ? AND at < ? AND id > ? ORDER BY id LIMIT ?",
                        SqlChargingStore::record, from.toEpochMilli(), to.toEpochMilli(), afterId, limit)
                : Sql.list(c, "SELECT " + COLUMNS + " FROM charging_records WHERE user_jid = ? AND at >= ? AND at < ? AND id > ? "
                        + "ORDER BY id LIMIT ?", SqlChargingStore::record, user.toString(), from.toEpochMilli(), to.toEpochMilli(),
                        afterId, limit));
    }

    @Override
    public List<ChargingTotal> totals(EntityBareJid user, Instant from, Instant to) {
        String select = "SELECT user_jid, channel, direction, unit, currency, COUNT(*), SUM(quantity), SUM(amount) FROM charging_records "
                + "WHERE at >= ? AND at < ?";
        String group = " GROUP BY user_jid, channel, direction, unit, currency ORDER BY user_jid, channel, direction, unit, currency";
        return db.read(c -> user == null
                ? Sql.list(c, select + group, SqlChargingStore::total, from.toEpochMilli(), to.toEpochMilli())
                : Sql.list(c, select + " AND user_jid = ?" + group, SqlChargingStore::total, from.toEpochMilli(), to.toEpochMilli(),
                        user.toString()));
    }

    @Override
    public boolean subscribe(EntityBareJid user, String item, LocalDate since) {
        return db.write(c -> Sql.update(c, "INSERT INTO charging_subscriptions (user_jid, item, since) VALUES (?, ?, ?) "
                + "ON CONFLICT (user_jid, item) DO NOTHING", user.toString(), item, since.toEpochDay()) > 0);
    }

    @Override
    public boolean unsubscribe(EntityBareJid user, String item) {
        return db.write(c -> Sql.update(c, "DELETE FROM charging_subscriptions WHERE user_jid = ? AND item = ?", user.toString(), item) > 0);
    }

    @Override
    public void unsubscribeAll(EntityBareJid user) {
        db.write(c -> Sql.update(c, "DELETE FROM charging_subscriptions WHERE user_jid = ?", user.toString()));
    }

    @Override
    public List<ChargingSubscription> subscriptions(EntityBareJid user) {
        String select = "SELECT user_jid, item, since, charged_through FROM charging_subscriptions";
        return db.read(c -> user == null
                ? Sql.list(c, select + " ORDER BY user_jid, item", SqlChargingStore::subscription)
                : Sql.list(c, select + " WHERE user_jid = ? ORDER BY item", SqlChargingStore::subscription, user.toString()));
    }

    @Override
    public boolean chargeDay(ChargingRecord record, String item, LocalDate day) {
        return db.write(c -> {
            // The guarded update is the once-per-day check: a second run (a restart, another node) changes no row.
            int moved = Sql.update(c, "UPDATE charging_subscriptions SET charged_through = ? WHERE user_jid = ? AND item = ? "
                    + "AND (charged_through IS NULL OR charged_through < ?)", day.toEpochDay(), record.user().toString(), item,
                    day.toEpochDay());
            if (moved == 0) return false;
            insertAll(c, List.of(record)); // the id is not wanted: no generated key read back
            return true;
        });
    }

    /** Exact: an amount with more fraction digits was refused when the record was made. */
    private static long micros(BigDecimal amount) {
        return amount.movePointRight(AMOUNT_SCALE).longValueExact();
    }

    private static BigDecimal amount(long micros) {
        return BigDecimal.valueOf(micros, AMOUNT_SCALE);
    }

    private static ChargingRecord record(ResultSet rs) throws SQLException {
        return new ChargingRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), jid(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), amount(rs.getLong(9)), rs.getString(10),
                rs.getString(11));
    }

    private static ChargingTotal total(ResultSet rs) throws SQLException {
        return new ChargingTotal(jid(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getLong(7), amount(rs.getLong(8)));
    }

    private static ChargingSubscription subscription(ResultSet rs) throws SQLException {
        long through = rs.getLong(4);
        boolean none = rs.wasNull();
        return new ChargingSubscription(jid(rs.getString(1)), rs.getString(2), LocalDate.ofEpochDay(rs.getLong(3)),
                none ? null : LocalDate.ofEpochDay(through));
    }

    private static EntityBareJid jid(String s) {
        return Jids.of(s).asEntityBareJidOrThrow();
    }
}
