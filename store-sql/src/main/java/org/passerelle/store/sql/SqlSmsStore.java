package org.passerelle.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.SmsLink;
import org.passerelle.core.store.SmsMoPart;
import org.passerelle.core.store.SmsMoText;
import org.passerelle.core.store.SmsOutgoing;
import org.passerelle.core.store.SmsStore;

/** Rows of the {@code sms_*} tables (V7, V11). */
final class SqlSmsStore implements SmsStore {
    private static final String PART_COLUMNS = "smsc, phone, concat_ref, part_count, part_no, content, received";
    private static final String OUT_COLUMNS = "id, account, phone, text, receipt_to, receipt_id, status, attempts, next_attempt, created";

    private final SqlDatabase db;

    SqlSmsStore(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public boolean link(SmsLink link) {
        return db.write(c -> {
            Optional<String> holder = Sql.first(c, "SELECT account FROM sms_links WHERE phone = ?", rs -> rs.getString(1), link.phone());
            if (holder.isPresent() && !holder.get().equals(link.account().toString())) return false;
            Sql.update(c, "INSERT INTO sms_links (account, phone, forwarding) VALUES (?, ?, ?) "
                    + "ON CONFLICT (account) DO UPDATE SET phone = excluded.phone, forwarding = excluded.forwarding, "
                    + "on_mobile = CASE WHEN sms_links.phone = excluded.phone THEN sms_links.on_mobile ELSE 0 END",
                    link.account().toString(), link.phone(), link.forwarding());
            return true;
        });
    }

    @Override
    public Optional<SmsLink> linkOf(EntityBareJid account) {
        return db.read(c -> Sql.first(c, "SELECT account, phone, forwarding FROM sms_links WHERE account = ?", SqlSmsStore::link,
                account.toString()));
    }

    @Override
    public Optional<SmsLink> linkOfPhone(String phone) {
        return db.read(c -> Sql.first(c, "SELECT account, phone, forwarding FROM sms_links WHERE phone = ?", SqlSmsStore::link, phone));
    }

    @Override
    public boolean setForwarding(EntityBareJid account, String forwarding) {
        return db.write(c -> Sql.update(c, "UPDATE sms_links SET forwarding = ? WHERE account = ?", forwarding, account.toString()) > 0);
    }

    @Override
    public boolean setOnMobile(EntityBareJid account, boolean on) {
        return db.write(c -> Sql.update(c, "UPDATE sms_links SET on_mobile = ? WHERE account = ?", on ? 1 : 0, account.toString()) > 0);
    }

    @Override
    public List<EntityBareJid> onMobile() {
        return db.read(c -> Sql.list(c, "SELECT account FROM sms_links WHERE on_mobile = 1 ORDER BY account",
                rs -> Jids.of(rs.getString(1)).asEntityBareJidOrThrow()));
    }

    @Override
    public boolean unlink(EntityBareJid account) {
        return db.write(c -> Sql.update(c, "DELETE FROM sms_links WHERE account = ?", account.toString()) > 0);
    }

    @Override
    public int contactNumber(EntityBareJid account, String contact) {
        return db.write(c -> {
            db.lockOwner(c, account.toString());
            Optional<Integer> known = Sql.first(c, "SELECT number FROM sms_contacts WHERE account = ? AND contact = ?",
                    rs -> rs.getInt(1), account.toString(), contact);
            if (known.isPresent()) return known.get();
            int next = Sql.first(c, "SELECT COALESCE(MAX(number), 0) + 1 FROM sms_contacts WHERE account = ?", rs -> rs.getInt(1),
                    account.toString()).orElse(1);
            Sql.update(c, "INSERT INTO sms_contacts (account, number, contact) VALUES (?, ?, ?)", account.toString(), next, contact);
            return next;
        });
    }

    @Override
    public Optional<String> contact(EntityBareJid account, int number) {
        return db.read(c -> Sql.first(c, "SELECT contact FROM sms_contacts WHERE account = ? AND number = ?", rs -> rs.getString(1),
                account.toString(), number));
    }

    @Override
    public Map<Integer, String> contacts(EntityBareJid account) {
        return db.read(c -> {
            Map<Integer, String> out = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> e : Sql.list(c, "SELECT number, contact FROM sms_contacts WHERE account = ? ORDER BY number",
                    rs -> Map.entry(rs.getInt(1), rs.getString(2)), account.toString())) {
                out.put(e.getKey(), e.getValue());
            }
            return out;
        });
    }

    @Override
    public boolean removeContact(EntityBareJid account, int number) {
        return db.write(c -> Sql.update(c, "DELETE FROM sms_contacts WHERE account = ? AND number = ?", account.toString(), number) > 0);
    }

    @Override
    public void setLastWriter(String phone, EntityBareJid account) {
        db.write(c -> Sql.update(c, "INSERT INTO sms_last_writers (phone, account) VALUES (?, ?) "
                + "ON CONFLICT (phone) DO UPDATE SET account = excluded.account", phone, account.toString()));
    }

    @Override
    public Optional<EntityBareJid> lastWriter(String phone) {
        return db.read(c -> Sql.first(c, "SELECT account FROM sms_last_writers WHERE phone = ?",
                rs -> Jids.of(rs.getString(1)).asEntityBareJidOrThrow(), phone));
    }

    @Override
    public SmsOutgoing enqueue(SmsOutgoing sms) {
        long id = db.write(c -> Sql.first(c, "INSERT INTO sms_outbox (account, phone, text, receipt_to, receipt_id, status, attempts, "
                        + "next_attempt, created) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) RETURNING id", rs -> rs.getLong(1),
                sms.account().toString(), sms.phone(), sms.text(), sms.receiptTo(), sms.receiptId(), sms.nextAttempt().toEpochMilli(),
                sms.created().toEpochMilli()).orElseThrow());
        return new SmsOutgoing(id, sms.account(), sms.phone(), sms.text(), sms.receiptTo(), sms.receiptId(), SmsOutgoing.Status.PENDING,
                0, sms.nextAttempt(), sms.created());
    }

    @Override
    public Optional<SmsOutgoing> outgoing(long id) {
        return db.read(c -> Sql.first(c, "SELECT " + OUT_COLUMNS + " FROM sms_outbox WHERE id = ?", SqlSmsStore::outgoing, id));
    }

    @Override
    public List<SmsOutgoing> due(Instant now, int limit) {
        return db.read(c -> Sql.list(c, "SELECT " + OUT_COLUMNS + " FROM sms_outbox WHERE status = 'pending' AND next_attempt <= ? "
                + "ORDER BY id LIMIT ?", SqlSmsStore::outgoing, now.toEpochMilli(), limit));
    }

    @Override
    public boolean markSent(long id, List<String> smscMessageIds, List<ChargingRecord> charges) {
        return db.write(c -> {
            if (Sql.update(c, "UPDATE sms_outbox SET status = 'sent' WHERE id = ? AND status = 'pending'", id) == 0) return false;
            for (String m : smscMessageIds) {
                Sql.update(c, "INSERT INTO sms_sent_parts (smsc_id, outbox_id) VALUES (?, ?) "
                        + "ON CONFLICT (smsc_id) DO UPDATE SET outbox_id = excluded.outbox_id", m, id);
            }
            SqlChargingStore.insertAll(c, charges);
            return true;
        });
    }

    @Override
    public void retryLater(long id, Instant next) {
        db.write(c -> Sql.update(c, "UPDATE sms_outbox SET attempts = attempts + 1, next_attempt = ? WHERE id = ?", next.toEpochMilli(), id));
    }

    @Override
    public void markFailed(long id) {
        db.write(c -> Sql.update(c, "UPDATE sms_outbox SET attempts = attempts + 1, status = 'failed' WHERE id = ?", id));
    }

    @Override
    public Optional<SmsOutgoing> takeReceipt(String smscMessageId) {
        return db.write(c -> {
            Optional<SmsOutgoing> sent = Sql.first(c, "SELECT o.id, o.account, o.phone, o.text, o.receipt_to, o.receipt_id, o.status, "
                    + "o.attempts, o.next_attempt, o.created FROM sms_outbox o JOIN sms_sent_parts p ON p.outbox_id = o.id "
                    + "WHERE p.smsc_id = ?", SqlSmsStore::outgoing, smscMessageId);
            if (sent.isEmpty() || sent.get().receiptTo() == null) return Optional.<SmsOutgoing>empty();
            // Only the caller that clears the debt answers it.
            int cleared = Sql.update(c, "UPDATE sms_outbox SET receipt_to = NULL, receipt_id = NULL WHERE id = ? AND receipt_to IS NOT NULL",
                    sent.get().id());
            return cleared == 1 ? sent : Optional.<SmsOutgoing>empty();
        });
    }

    @Override
    public boolean seen(String key) {
        return db.read(c -> Sql.first(c, "SELECT 1 FROM sms_seen WHERE mo_key = ?", rs -> 1, key).isPresent());
    }

    @Override
    public boolean firstSeen(String key, Instant at, List<ChargingRecord> charges, SmsMoText completed) {
        return db.write(c -> {
            if (Sql.update(c, "INSERT INTO sms_seen (mo_key, seen) VALUES (?, ?) ON CONFLICT (mo_key) DO NOTHING", key,
                    at.toEpochMilli()) == 0) {
                return false;
            }
            SqlChargingStore.insertAll(c, charges);
            if (completed != null) deleteParts(c, completed);
            return true;
        });
    }

    @Override
    public List<SmsMoPart> addMoPart(SmsMoPart part) {
        SmsMoText t = part.text();
        return db.write(c -> {
            Sql.update(c, "INSERT INTO sms_mo_parts (" + PART_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (smsc, phone, concat_ref, part_count, part_no) DO NOTHING", t.smsc(), t.phone(), t.reference(),
                    t.total(), part.sequence(), part.content(), part.received().toEpochMilli());
            return parts(c, t);
        });
    }

    @Override
    public List<SmsMoPart> moParts(SmsMoText text) {
        return db.read(c -> parts(c, text));
    }

    @Override
    public int moTextsWaiting() {
        return db.read(c -> Sql.first(c, "SELECT COUNT(*) FROM (SELECT DISTINCT smsc, phone, concat_ref, part_count FROM sms_mo_parts) t",
                rs -> rs.getInt(1)).orElse(0));
    }

    @Override
    public void deleteMoParts(SmsMoText text) {
        db.write(c -> deleteParts(c, text));
    }

    @Override
    public int deleteMoPartsBefore(Instant incompleteBefore, Instant completeBefore) {
        return db.write(c -> Sql.update(c, "DELETE FROM sms_mo_parts WHERE (smsc, phone, concat_ref, part_count) IN "
                + "(SELECT smsc, phone, concat_ref, part_count FROM sms_mo_parts GROUP BY smsc, phone, concat_ref, part_count "
                + "HAVING (COUNT(*) < part_count AND MAX(received) < ?) OR MAX(received) < ?)",
                incompleteBefore.toEpochMilli(), completeBefore.toEpochMilli()));
    }

    @Override
    public int deleteSeenBefore(Instant before) {
        return db.write(c -> Sql.update(c, "DELETE FROM sms_seen WHERE seen < ?", before.toEpochMilli()));
    }

    private static List<SmsMoPart> parts(Connection c, SmsMoText t) throws SQLException {
        return Sql.list(c, "SELECT " + PART_COLUMNS + " FROM sms_mo_parts WHERE smsc = ? AND phone = ? AND concat_ref = ? "
                + "AND part_count = ? ORDER BY part_no", rs -> new SmsMoPart(new SmsMoText(rs.getString(1), rs.getString(2), rs.getInt(3),
                rs.getInt(4)), rs.getInt(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))), t.smsc(), t.phone(), t.reference(),
                t.total());
    }

    private static int deleteParts(Connection c, SmsMoText t) throws SQLException {
        return Sql.update(c, "DELETE FROM sms_mo_parts WHERE smsc = ? AND phone = ? AND concat_ref = ? AND part_count = ?", t.smsc(),
                t.phone(), t.reference(), t.total());
    }

    @Override
    public void deleteAll(EntityBareJid account) {
        String a = account.toString();
        db.write(c -> {
            Sql.update(c, "DELETE FROM sms_links WHERE account = ?", a);
            Sql.update(c, "DELETE FROM sms_contacts WHERE account = ?", a);
            Sql.update(c, "DELETE FROM sms_last_writers WHERE account = ?", a);
            Sql.update(c, "DELETE FROM sms_sent_parts WHERE outbox_id IN (SELECT id FROM sms_outbox WHERE account = ?)", a);
            return Sql.update(c, "DELETE FROM sms_outbox WHERE account = ?", a);
        });
    }

    private static SmsLink link(ResultSet rs) throws SQLException {
        return new SmsLink(Jids.of(rs.getString(1)).asEntityBareJidOrThrow(), rs.getString(2), rs.getString(3));
    }

    private static SmsOutgoing outgoing(ResultSet rs) throws SQLException {
        return new SmsOutgoing(rs.getLong(1), Jids.of(rs.getString(2)).asEntityBareJidOrThrow(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), SmsOutgoing.Status.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)), rs.getInt(8),
                Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)));
    }
}
