package org.passerelle.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.Account;
import org.passerelle.core.store.AccountStore;
import org.passerelle.core.store.ScramCredential;
import org.passerelle.core.store.ScramHash;

/**
 * Accounts in {@code accounts}, one row per SCRAM hash in {@code account_credentials}. Credentials
 * come back in {@link ScramHash} order; the creation time to the millisecond.
 */
final class SqlAccountStore implements AccountStore {
    private final SqlDatabase db;

    SqlAccountStore(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Account> find(EntityBareJid jid) {
        String key = jid.toString();
        return db.read(c -> {
            Optional<Account> row = Sql.first(c, "SELECT admin, disabled, created FROM accounts WHERE jid = ?",
                    rs -> new Account(jid, List.of(), rs.getBoolean(1), rs.getBoolean(2), Instant.ofEpochMilli(rs.getLong(3))), key);
            if (row.isEmpty()) return row;
            List<ScramCredential> credentials = Sql.list(c,
                    "SELECT hash, salt, iterations, stored_key, server_key FROM account_credentials WHERE jid = ?",
                    SqlAccountStore::credential, key);
            credentials.sort(Comparator.comparing(ScramCredential::hash));
            return Optional.of(row.get().withCredentials(credentials));
        });
    }

    @Override
    public boolean create(Account account) {
        String key = account.jid().toString();
        return db.write(c -> {
            int added = Sql.update(c, INSERT_ACCOUNT,
                    key, account.jid().getDomain().toString(), account.admin(), account.disabled(), account.created().toEpochMilli());
            if (added == 0) return false;
            insertCredentials(c, key, account.credentials());
            return true;
        });
    }

    /** One transaction with batched statements: a bulk import writes thousands of accounts per call. */
    @Override
    public List<EntityBareJid> createAll(List<Account> accounts) {
        return db.write(c -> {
            List<EntityBareJid> created = new ArrayList<>();
            try (PreparedStatement add = c.prepareStatement(INSERT_ACCOUNT);
                 PreparedStatement cred = c.prepareStatement(INSERT_CREDENTIAL)) {
                for (Account a : accounts) {
                    add.setString(1, a.jid().toString());
                    add.setString(2, a.jid().getDomain().toString());
                    add.setBoolean(3, a.admin());
                    add.setBoolean(4, a.disabled());
                    add.setLong(5, a.created().toEpochMilli());
                    if (add.executeUpdate() == 0) continue;
                    created.add(a.jid());
                    for (ScramCredential s : a.credentials()) {
                        bindCredential(cred, a.jid().toString(), s);
                        cred.addBatch();
                    }
                }
                cred.executeBatch();
            }
            return created;
        });
    }

    @Override
    public boolean update(Account account) {
        String key = account.jid().toString();
        return db.write(c -> {
            int changed = Sql.update(c, "UPDATE accounts SET admin = ?, disabled = ? WHERE jid = ?",
                    account.admin(), account.disabled(), key);
            if (changed == 0) return false;
            Sql.update(c, "DELETE FROM account_credentials WHERE jid = ?", key);
            insertCredentials(c, key, account.credentials());
            return true;
        });
    }

    @Override
    public boolean delete(EntityBareJid jid) {
        return db.write(c -> Sql.update(c, "DELETE FROM accounts WHERE jid = ?", jid.toString()) > 0);
    }

    @Override
    public List<EntityBareJid> list(String domain, int offset, int limit) {
        if (offset < 0 || limit < 0) throw new IllegalArgumentException("offset and limit must not be negative");
        return db.read(c -> Sql.list(c, "SELECT jid FROM accounts WHERE domain = ? ORDER BY jid LIMIT ? OFFSET ?",
                rs -> Jids.of(rs.getString(1)).asEntityBareJidOrThrow(), domain, limit, offset));
    }

    @Override
    public long count(String domain) {
        return db.read(c -> Sql.first(c, "SELECT COUNT(*) FROM accounts WHERE domain = ?", rs -> rs.getLong(1), domain)
                .orElse(0L));
    }

    private static final String INSERT_ACCOUNT =
            "INSERT INTO accounts (jid, domain, admin, disabled, created) VALUES (?, ?, ?, ?, ?) ON CONFLICT (jid) DO NOTHING";
    private static final String INSERT_CREDENTIAL =
            "INSERT INTO account_credentials (jid, hash, salt, iterations, stored_key, server_key) VALUES (?, ?, ?, ?, ?, ?)";

    private static void insertCredentials(Connection c, String key, List<ScramCredential> credentials) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_CREDENTIAL)) {
            for (ScramCredential s : credentials) {
                bindCredential(ps, key, s);
                ps.executeUpdate();
            }
        }
    }

    private static void bindCredential(PreparedStatement ps, String key, ScramCredential s) throws SQLException {
        Base64.Encoder b64 = Base64.getEncoder();
        ps.setString(1, key);
        ps.setString(2, s.hash().name());
        ps.setString(3, b64.encodeToString(s.salt()));
        ps.setInt(4, s.iterations());
        ps.setString(5, b64.encodeToString(s.storedKey()));
        ps.setString(6, b64.encodeToString(s.serverKey()));
    }

    private static ScramCredential credential(ResultSet rs) throws SQLException {
        Base64.Decoder b64 = Base64.getDecoder();
        return new ScramCredential(ScramHash.valueOf(rs.getString(1)), b64.decode(rs.getString(2)), rs.getInt(3),
                b64.decode(rs.getString(4)), b64.decode(rs.getString(5)));
    }
}
