package org.passerelle.modules.proxy65;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Copies bytes both ways between two activated connections, one virtual thread per direction.
 * Backpressure is the blocking write: while the slow side does not read, its copier does not
 * read from the fast side either, so each direction holds at most one buffer.
 */
final class Relay {
    private static final int BUFFER = 16 * 1024;

    private final Socket a, b;
    private final long maxBytesPerSecond, maxTransferBytes;
    private final AtomicLong transferred = new AtomicLong();
    private final CountDownLatch directions = new CountDownLatch(2);

    Relay(Socket a, Socket b, long maxBytesPerSecond, long maxTransferBytes) {
        this.a = a;
        this.b = b;
        this.maxBytesPerSecond = maxBytesPerSecond;
        this.maxTransferBytes = maxTransferBytes;
    }

    /** Starts both directions; {@code onEnd} runs once both sockets are closed. */
    void start(Runnable onEnd) {
        Thread.ofVirtual().name("proxy65-relay").start(() -> copy(a, b));
        Thread.ofVirtual().name("proxy65-relay").start(() -> copy(b, a));
        Thread.ofVirtual().name("proxy65-relay-end").start(() -> {
            try {
                directions.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeBoth();
            onEnd.run();
        });
    }

    long transferred() {
        return transferred.get();
    }

    private void copy(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        long started = System.nanoTime(), sent = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long total = transferred.addAndGet(n);
                if (maxTransferBytes > 0 && total > maxTransferBytes) throw new IOException("transfer limit reached");
                out.write(buffer, 0, n);
                sent += n;
                if (maxBytesPerSecond > 0) pace(started, sent);
            }
            to.shutdownOutput(); // end of this direction; the other may still be sending
        } catch (IOException e) {
            closeBoth();
        } finally {
            directions.countDown();
        }
    }

    /** Sleeps until {@code sent} bytes are no more than the configured rate allows. */
    private void pace(long started, long sent) {
        long due = started + sent * 1_000_000_000L / maxBytesPerSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
    }

    void close() {
        closeBoth();
    }

    private void closeBoth() {
        Rendezvous.closeQuietly(a);
        Rendezvous.closeQuietly(b);
    }
}
