package org.passerelle.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a state that no stanza announces (a roster entry, a server-side session), with a bound. */
final class Await {
    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, Duration.ofSeconds(5), condition);
    }

    static void until(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
            Thread.sleep(20);
        }
    }
}
