package org.passerelle.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection pools of one database and the two ways the stores use them: {@link #write} runs
 * a unit of work in one transaction that is committed when it returns, {@link #read} runs queries
 * in one transaction so they see one state of the data.
 *
 * <p>Writes go through {@link GroupCommit} on both databases: one thread commits whatever units
 * have queued in one transaction. SQLite allows one writer at a time, so it gets a write pool of
 * exactly one connection, and readers their own small pool (WAL lets them read while the writer
 * writes). PostgreSQL uses one pool for both; its group commit across connections still paid one
 * transaction per unit, which capped billed chat at about 3,600 messages/s where one transaction
 * per batch carries 12,000 (docs/PERFORMANCE.md).
 */
final class SqlDatabase implements AutoCloseable {
    /** Work on a connection; the transaction around it belongs to the caller. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final SqlDialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final GroupCommit groupCommit;

    SqlDatabase(SqlDialect dialect, HikariDataSource writer, HikariDataSource reader) {
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
        this.groupCommit = new GroupCommit(writer, dialect == SqlDialect.SQLITE ? "sqlite-group-commit" : "postgresql-group-commit");
    }

    SqlDialect dialect() {
        return dialect;
    }

    /**
     * Inside a write: holds a transaction-long lock on one owner (an account), so a read-then-insert
     * such as a quota check cannot interleave with another server's on the same database. One
     * server's writes are serialised by the group commit already; nothing to do on SQLite.
     */
    void lockOwner(Connection c, String owner) throws SQLException {
        String lock = dialect.ownerLock();
        if (lock != null) Sql.first(c, lock, rs -> 1, owner);
    }

    /** Runs the work in a transaction, committed (durable) when this returns; rolled back if it throws. */
    <T> T write(Work<T> work) {
        return groupCommit.write(work);
    }

    /** Runs queries in one transaction; never writes. */
    <T> T read(Work<T> work) {
        return inTransaction(reader, work);
    }

    private static <T> T inTransaction(HikariDataSource pool, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                // Turning auto-commit back on commits (JDBC). sqlite-jdbc's commit() would begin the
                // next transaction at once, and hold the write lock while the connection sits idle.
                c.setAutoCommit(true);
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                    c.setAutoCommit(true);
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new SqlStoreException("database call failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        groupCommit.close();
        if (reader != writer) reader.close();
        writer.close();
    }
}
