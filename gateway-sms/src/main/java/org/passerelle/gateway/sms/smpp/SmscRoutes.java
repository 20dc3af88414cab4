package org.passerelle.gateway.sms.smpp;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the SMSC for a number: the bound connection with the longest matching prefix; one
 * with no prefixes matches every number, after all those that match by prefix.
 */
public final class SmscRoutes implements AutoCloseable {
    private final List<SmscConnection> connections;

    public SmscRoutes(List<SmscConnection> connections) {
        this.connections = List.copyOf(connections);
    }

    /** Binds every SMSC; {@code inbound} takes what they deliver, {@code onBound} runs after each bind. */
    public void start(SmscConnection.Inbound inbound, Runnable onBound) {
        for (SmscConnection c : connections) c.start(inbound, onBound);
    }

    /** The bound SMSC for this number, or empty when none that serves it is bound. */
    public Optional<SmscConnection> route(String phone) {
        return connections.stream().filter(SmscConnection::bound).filter(c -> match(c, phone) >= 0)
                .max(Comparator.comparingInt(c -> match(c, phone)));
    }

    /** The length of the longest prefix of {@code c} that starts the number, 0 for a catch-all, -1 when none. */
    static int match(SmscConnection c, String phone) {
        return match(c.prefixes(), phone);
    }

    static int match(List<String> prefixes, String phone) {
        if (prefixes.isEmpty()) return 0;
        int best = -1;
        for (String p : prefixes) if (phone.startsWith(p)) best = Math.max(best, p.length());
        return best;
    }

    @Override
    public void close() {
        connections.forEach(SmscConnection::close);
    }
}
