package org.passerelle.modules.proxy65;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RendezvousTest {
    /** A connection that only records whether it was closed. */
    static final class Conn implements Closeable {
        volatile boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void pairsTwoConnectionsOfOneHash() {
        Rendezvous<Conn> r = new Rendezvous<>(scheduler, Duration.ofMinutes(1));
        Conn target = new Conn(), initiator = new Conn(), other = new Conn();
        assertTrue(r.join("h1", target));
        assertTrue(r.join("h2", other));
        assertNull(r.activate("h1"), "only the target is there yet");
        assertTrue(r.join("h1", initiator));
        Rendezvous.Pair<Conn> pair = r.activate("h1");
        assertSame(target, pair.first());
        assertSame(initiator, pair.second());
        assertNull(r.activate("h1"), "activated once");
        assertEquals(1, r.waitingConnections());
    }

    @Test
    void refusesAThirdConnection() {
        Rendezvous<Conn> r = new Rendezvous<>(scheduler, Duration.ofMinutes(1));
        assertTrue(r.join("h", new Conn()));
        assertTrue(r.join("h", new Conn()));
        assertFalse(r.join("h", new Conn()));
    }

    @Test
    void closesConnectionsNotActivatedInTime() throws InterruptedException {
        Rendezvous<Conn> r = new Rendezvous<>(scheduler, Duration.ofMillis(50));
        Conn a = new Conn(), b = new Conn();
        r.join("h", a);
        r.join("h", b);
        Thread.sleep(300);
        assertTrue(a.closed && b.closed);
        assertNull(r.activate("h"));
        assertEquals(0, r.waitingConnections());
    }

    @Test
    void aConnectionThatLeftIsForgotten() {
        Rendezvous<Conn> r = new Rendezvous<>(scheduler, Duration.ofMinutes(1));
        Conn a = new Conn();
        r.join("h", a);
        r.leave("h", a);
        assertEquals(0, r.waitingConnections());
        assertFalse(a.closed);
    }
}
