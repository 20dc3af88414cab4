package org.passerelle.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * SQLite's single writer, shared: units of work queue here and one thread runs whatever has
 * queued in one transaction, each unit inside its own savepoint, then commits once. A unit that
 * fails is rolled back to its savepoint alone; a failed commit fails the whole batch. Each caller
 * still returns only after the commit, so a write is as durable as before, but a burst of writes
 * (two archive entries per chat message, offline messages, roster changes) pays one transaction
 * and one WAL commit instead of one each — and no hand-over of the only connection per write.
 */
final class GroupCommit implements AutoCloseable {
    /** Enough to absorb a burst; small enough that one batch does not hold readers' WAL growth for long. */
    static final int MAX_BATCH = 256;

    private record Task<T>(SqlDatabase.Work<T> work, CompletableFuture<T> done) {
        void run(Connection c, List<Runnable> completions) {
            try {
                Savepoint sp = c.setSavepoint();
                try {
                    T result = work.run(c);
                    c.releaseSavepoint(sp);
                    completions.add(() -> done.complete(result));
                } catch (SQLException | RuntimeException e) {
                    c.rollback(sp);
                    done.completeExceptionally(e); // rolled back alone: nothing of it will be committed
                }
            } catch (SQLException e) {
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

    private void runBatch(List<Task<?>> batch) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Task<?> t : batch) t.run(c, completions);
                c.setAutoCommit(true); // commits (see SqlDatabase on why not commit())
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                    c.setAutoCommit(true);
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
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
    }
}
