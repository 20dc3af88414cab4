package org.passerelle.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The database's writer, shared (SQLite's only one; for PostgreSQL one of the pool's connections
 * at a time): units of work queue here and one thread runs whatever has
 * queued in one transaction, then commits once. If a unit fails, the batch is rolled back and each
 * unit runs again in a transaction of its own, so one failure costs no other unit. Each caller
 * still returns only after the commit, so a write is as durable as before, but a burst of writes
 * (two archive entries per chat message, offline messages, roster changes) pays one transaction
 * and one WAL commit instead of one each — and no hand-over of the only connection per write.
 */
final class GroupCommit implements AutoCloseable {
    /** Enough to absorb a burst; small enough that one batch does not hold readers' WAL growth for long. */
    static final int MAX_BATCH = 256;

    private record Task<T>(SqlDatabase.Work<T> work, CompletableFuture<T> done) {
        /** Runs in the shared transaction; the result is handed over only after the commit. */
        Runnable run(Connection c) throws SQLException {
            T result = work.run(c);
            return () -> done.complete(result);
        }

        /** Runs alone, in a transaction of its own, after its batch failed. */
        void runAlone(Connection c) {
            try {
                c.setAutoCommit(false);
                T result = work.run(c);
                c.setAutoCommit(true);
                done.complete(result);
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                    c.setAutoCommit(true);
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                done.completeExceptionally(e);
            }
        }
    }

    private final HikariDataSource pool;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    GroupCommit(HikariDataSource pool, String name) {
        this.pool = pool;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    /** Runs the work in the next batch; returns its result once the batch is committed. */
    <T> T write(SqlDatabase.Work<T> work) {
        if (closed) throw new SqlStoreException("database closed", null);
        CompletableFuture<T> done = new CompletableFuture<>();
        queue.add(new Task<>(work, done));
        try {
            return done.join();
        } catch (CompletionException e) {
            // As SqlDatabase.write throws: the work's own runtime exceptions as they are, SQL errors wrapped.
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new SqlStoreException("database call failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void loop() {
        List<Task<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Task<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * All units in one transaction. Failures are rare (a constraint the caller did not expect), so
     * rather than a savepoint per unit, a failed batch is rolled back whole and each unit run again
     * alone: units only touch their connection, so running one again after a rollback is safe.
     */
    private void runBatch(List<Task<?>> batch) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        try (Connection c = pool.getConnection()) {
            try {
                c.setAutoCommit(false);
                for (Task<?> t : batch) completions.add(t.run(c));
                c.setAutoCommit(true); // commits (see SqlDatabase on why not commit())
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                c.setAutoCommit(true);
                for (Task<?> t : batch) t.runAlone(c);
                return;
            }
        } catch (SQLException | RuntimeException e) {
            for (Task<?> t : batch) t.done().completeExceptionally(e);
            return;
        }
        for (Runnable r : completions) r.run();
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A write queued between its closed check and the loop's exit would otherwise wait forever.
        for (Task<?> t; (t = queue.poll()) != null; ) t.done().completeExceptionally(new SqlStoreException("database closed", null));
    }
}
