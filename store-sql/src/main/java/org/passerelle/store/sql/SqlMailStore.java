package org.passerelle.store.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.MailStore;
import org.passerelle.core.store.MailSubscription;
import org.passerelle.core.store.PendingMail;
import org.passerelle.core.store.ReplyToken;

/**
 * Rows of {@code mail_subscriptions}, {@code mail_pending}, {@code mail_reply_tokens} and
 * {@code mail_replies_seen}; the billable writes add their {@code charging_records} on the same
 * connection, in the same transaction.
 */
final class SqlMailStore implements MailStore {
    private final SqlDatabase db;

    SqlMailStore(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<MailSubscription> subscription(EntityBareJid user) {
        return db.read(c -> Sql.first(c, "SELECT jid, address, verified, code, code_expires, attempts FROM mail_subscriptions WHERE jid = ?",
                SqlMailStore::subscription, user.toString()));
    }

    /** The expiry is cast: a null is bound as text (see {@link Sql}), which PostgreSQL will not put in a BIGINT. */
    @Override
    public void saveSubscription(MailSubscription s) {
        db.write(c -> Sql.update(c, """
                INSERT INTO mail_subscriptions (jid, address, verified, code, code_expires, attempts) VALUES (?, ?, ?, ?, CAST(? AS BIGINT), ?)
                ON CONFLICT (jid) DO UPDATE SET address = excluded.address, verified = excluded.verified, code = excluded.code,
                  code_expires = excluded.code_expires, attempts = excluded.attempts""",
                s.user().toString(), s.address(), s.verified(), s.code(),
                s.codeExpires() == null ? null : s.codeExpires().toEpochMilli(), s.attempts()));
    }

    @Override
    public boolean deleteSubscription(EntityBareJid user) {
        return db.write(c -> {
            Sql.update(c, "DELETE FROM mail_pending WHERE jid = ?", user.toString());
            return Sql.update(c, "DELETE FROM mail_subscriptions WHERE jid = ?", user.toString()) > 0;
        });
    }

    @Override
    public boolean queue(PendingMail m, int maxPending) {
        return db.write(c -> {
            db.lockOwner(c, m.user().toString()); // two queues for one user must not both pass the count
            long count = Sql.first(c, "SELECT COUNT(*) FROM mail_pending WHERE jid = ?", rs -> rs.getLong(1), m.user().toString())
                    .orElse(0L);
            if (count >= maxPending) return false;
            Sql.update(c, "INSERT INTO mail_pending (jid, queued, sender, body) VALUES (?, ?, ?, ?)",
                    m.user().toString(), m.at().toEpochMilli(), m.sender(), m.body());
            return true;
        });
    }

    @Override
    public List<PendingMail> pending(EntityBareJid user, int limit) {
        return db.read(c -> Sql.list(c, "SELECT id, jid, queued, sender, body FROM mail_pending WHERE jid = ? ORDER BY id LIMIT ?",
                rs -> new PendingMail(rs.getLong(1), jid(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
                        rs.getString(5)), user.toString(), limit));
    }

    @Override
    public List<EntityBareJid> due(Instant cutoff, int limit) {
        return db.read(c -> Sql.list(c, """
                SELECT jid FROM mail_pending GROUP BY jid HAVING MIN(queued) <= ? ORDER BY MIN(queued), jid LIMIT ?""",
                rs -> jid(rs.getString(1)), cutoff.toEpochMilli(), limit));
    }

    @Override
    public void markMailing(EntityBareJid user, long lastId, boolean mailing) {
        db.write(c -> Sql.update(c, "UPDATE mail_pending SET mailing = ? WHERE jid = ? AND id <= ?", mailing ? 1 : 0, user.toString(),
                lastId));
    }

    @Override
    public int dropWaiting(EntityBareJid user) {
        return db.write(c -> Sql.update(c, "DELETE FROM mail_pending WHERE jid = ? AND mailing = 0", user.toString()));
    }

    @Override
    public int deletePending(EntityBareJid user, long lastId, List<ChargingRecord> charges) {
        return db.write(c -> {
            int deleted = Sql.update(c, "DELETE FROM mail_pending WHERE jid = ? AND id <= ?", user.toString(), lastId);
            if (deleted > 0) SqlChargingStore.insertAll(c, charges);
            return deleted;
        });
    }

    @Override
    public boolean replySeen(String key) {
        return db.read(c -> Sql.first(c, "SELECT 1 FROM mail_replies_seen WHERE reply_key = ?", rs -> 1, key).isPresent());
    }

    /** A second writer of the same key waits for the first one's commit on PostgreSQL, then inserts nothing. */
    @Override
    public boolean replyRouted(EntityBareJid user, String key, Instant at) {
        return db.write(c -> Sql.update(c, """
                INSERT INTO mail_replies_seen (reply_key, jid, seen) VALUES (?, ?, ?) ON CONFLICT (reply_key) DO NOTHING""",
                key, user.toString(), at.toEpochMilli()) == 1);
    }

    @Override
    public int deleteRepliesSeen(Instant cutoff) {
        return db.write(c -> Sql.update(c, "DELETE FROM mail_replies_seen WHERE seen <= ?", cutoff.toEpochMilli()));
    }

    @Override
    public void saveToken(ReplyToken t) {
        db.write(c -> Sql.update(c, """
                INSERT INTO mail_reply_tokens (token, jid, peer, expires) VALUES (?, ?, ?, ?)
                ON CONFLICT (token) DO UPDATE SET expires = excluded.expires""",
                t.token(), t.user().toString(), t.peer(), t.expires().toEpochMilli()));
    }

    @Override
    public Optional<ReplyToken> token(String token) {
        return db.read(c -> Sql.first(c, "SELECT token, jid, peer, expires FROM mail_reply_tokens WHERE token = ?",
                SqlMailStore::token, token));
    }

    @Override
    public Optional<ReplyToken> tokenFor(EntityBareJid user, String peer) {
        return db.read(c -> Sql.first(c, """
                SELECT token, jid, peer, expires FROM mail_reply_tokens WHERE jid = ? AND peer = ? ORDER BY expires DESC""",
                SqlMailStore::token, user.toString(), peer));
    }

    @Override
    public int deleteExpiredTokens(Instant now) {
        return db.write(c -> Sql.update(c, "DELETE FROM mail_reply_tokens WHERE expires <= ?", now.toEpochMilli()));
    }

    @Override
    public void deleteAll(EntityBareJid user) {
        db.write(c -> {
            for (String table : List.of("mail_pending", "mail_subscriptions", "mail_reply_tokens", "mail_replies_seen")) {
                Sql.update(c, "DELETE FROM " + table + " WHERE jid = ?", user.toString());
            }
            return null;
        });
    }

    private static EntityBareJid jid(String s) {
        return Jids.of(s).asEntityBareJidOrThrow();
    }

    private static MailSubscription subscription(ResultSet rs) throws SQLException {
        long expires = rs.getLong(5);
        Instant codeExpires = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
        return new MailSubscription(jid(rs.getString(1)), rs.getString(2), rs.getBoolean(3), rs.getString(4), codeExpires,
                rs.getInt(6));
    }

    private static ReplyToken token(ResultSet rs) throws SQLException {
        return new ReplyToken(rs.getString(1), jid(rs.getString(2)), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
    }
}
