package org.passerelle.web;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one request body to a new file in a directory, chunk by chunk, on a worker: the event
 * loop only hands chunks over ({@link #write}) and hears back on its own thread how many bytes
 * reached the file (so it can stop reading while the disk is behind) and, after {@link #finish},
 * the synced file (or null if writing failed). {@link #abort} deletes what was written.
 */
final class BodyFile {
    private static final Logger LOG = LoggerFactory.getLogger(BodyFile.class);
    private static final Object FINISH = new Object();
    private static final Object ABORT = new Object();

    private final Path directory;
    private final Executor workers;
    private final EventExecutor loop;
    private final IntConsumer written;
    private final Consumer<Path> done;
    /** Chunks and the final FINISH or ABORT, in order; drained by one worker at a time. */
    private final ArrayDeque<Object> tasks = new ArrayDeque<>();
    private boolean draining;
    // Touched by the draining worker only (one at a time, ordered by the lock on tasks).
    private Path file;
    private FileChannel out;
    private boolean failed;

    BodyFile(Path directory, Executor workers, EventExecutor loop, IntConsumer written, Consumer<Path> done) {
        this.directory = directory;
        this.workers = workers;
        this.loop = loop;
        this.written = written;
        this.done = done;
    }

    /** Takes over the chunk (releases it once written). */
    void write(ByteBuf chunk) {
        add(chunk);
    }

    void finish() {
        add(FINISH);
    }

    /** The connection went away: drop what is queued and delete the file, even after {@link #finish}. */
    void abort() {
        add(ABORT);
    }

    private void add(Object task) {
        synchronized (tasks) {
            tasks.add(task);
            if (draining) return;
            draining = true;
        }
        workers.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Object next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            if (next instanceof ByteBuf chunk) append(chunk);
            else if (next == FINISH) close();
            else abortNow();
        }
    }

    private void append(ByteBuf chunk) {
        int n = chunk.readableBytes();
        try {
            if (!failed) {
                open();
                while (chunk.isReadable()) chunk.readBytes(out, chunk.readableBytes());
            }
        } catch (IOException e) {
            fail(e);
        } finally {
            chunk.release();
        }
        loop.execute(() -> written.accept(n));
    }

    private void close() {
        try {
            if (!failed) {
                open();
                out.force(true); // what the route is given is on disk, as a stored upload must be
                out.close();
            }
        } catch (IOException e) {
            fail(e);
        }
        Path result = failed ? null : file;
        loop.execute(() -> done.accept(result));
    }

    private void abortNow() {
        failed = true;
        closeQuietly();
        if (file != null) SpooledRequest.delete(file);
        file = null;
    }

    private void open() throws IOException {
        if (out != null) return;
        file = Files.createTempFile(directory, "body-", ".part");
        out = FileChannel.open(file, StandardOpenOption.WRITE);
    }

    private void fail(IOException e) {
        LOG.warn("cannot write a request body to {}", directory, e);
        failed = true;
        closeQuietly();
        if (file != null) SpooledRequest.delete(file);
        file = null;
    }

    private void closeQuietly() {
        try {
            if (out != null) out.close();
        } catch (IOException ignored) {
            // the file is deleted or given up on
        }
    }
}
