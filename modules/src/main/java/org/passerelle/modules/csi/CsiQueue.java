package org.passerelle.modules.csi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.xml.Element;

/**
 * One session's state and held presence. Deliveries come from many threads; the lock keeps held
 * stanzas and the urgent stanza that flushes them in order.
 */
final class CsiQueue {
    private static final String CARBONS = "urn:xmpp:carbons:2";
    private static final String FORWARD = "urn:xmpp:forward:0";

    private final Session session;
    private final int maxHeld;
    private final Map<String, Stanza> held = new LinkedHashMap<>();
    private boolean inactive;

    CsiQueue(Session session, int maxHeld) {
        this.session = session;
        this.maxHeld = maxHeld;
    }

    synchronized void setInactive(boolean value) {
        inactive = value;
        if (!value) flush();
    }

    /** Returns the stanza to deliver now, or null when it is held or was delivered here. */
    synchronized Stanza offer(Stanza stanza) {
        if (!inactive) return stanza;
        if (isPresenceUpdate(stanza)) {
            String sender = stanza.from() == null ? "" : stanza.from().toString();
            held.remove(sender);
            held.put(sender, stanza);
            if (held.size() > maxHeld) flush();
            return null;
        }
        if (!isUrgent(stanza)) return stanza;
        flush();
        session.deliver(stanza);
        return null;
    }

    synchronized int heldCount() {
        return held.size();
    }

    private void flush() {
        for (Stanza s : held.values()) session.deliver(s);
        held.clear();
    }

    private static boolean isPresenceUpdate(Stanza s) {
        return s.isPresence() && (s.type() == null || "unavailable".equals(s.type()));
    }

    /** What the user would want to see now: messages with a body, carbons of them, subscription requests. */
    private static boolean isUrgent(Stanza s) {
        if (s.isPresence()) return "subscribe".equals(s.type());
        if (!s.isMessage()) return false;
        Element e = s.element();
        if (e.child("body", Namespaces.CLIENT) != null) return true;
        for (String direction : new String[] {"sent", "received"}) {
            Element wrapper = e.child(direction, CARBONS);
            Element forwarded = wrapper == null ? null : wrapper.child("forwarded", FORWARD);
            Element inner = forwarded == null ? null : forwarded.child("message", Namespaces.CLIENT);
            if (inner != null && inner.child("body", Namespaces.CLIENT) != null) return true;
        }
        return false;
    }
}
