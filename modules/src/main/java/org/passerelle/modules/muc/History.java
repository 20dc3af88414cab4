package org.passerelle.modules.muc;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.stanza.Delays;
import org.passerelle.xml.Element;

/**
 * The last groupchat messages of a room, replayed to newcomers (XEP-0045 §7.2.14) within what
 * their {@code <history/>} asks: maxstanzas, maxchars (the size of each message as sent),
 * seconds and since. Guarded by the room's lock.
 */
final class History {
    record Entry(Element message, EntityFullJid from, Instant at) {
        /** Serialised only for a join that asks for maxchars, not for every message kept. */
        int chars() {
            return message.toString().length();
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final int max;

    History(int max) {
        this.max = max;
    }

    void add(Element message, EntityFullJid from, Instant at) {
        if (max == 0) return;
        entries.addLast(new Entry(message, from, at));
        while (entries.size() > max) entries.removeFirst();
    }

    /**
     * The entries to replay, oldest first. {@code request} is the {@code <history/>} element or
     * null; limits it does not set are unlimited (the room's own cap still applies).
     */
    List<Entry> select(Element request, Instant now) {
        int maxStanzas = number(request, "maxstanzas");
        int maxChars = number(request, "maxchars");
        int seconds = number(request, "seconds");
        Instant since = request == null || request.attr("since") == null ? null : parseTime(request.attr("since"));
        List<Entry> out = new ArrayList<>();
        int chars = 0;
        for (var it = entries.descendingIterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (maxStanzas >= 0 && out.size() >= maxStanzas) break;
            if (seconds >= 0 && e.at().isBefore(now.minusSeconds(seconds))) break;
            if (since != null && !e.at().isAfter(since)) break;
            if (maxChars >= 0 && chars + e.chars() > maxChars) break;
            chars += e.chars();
            out.add(e);
        }
        Collections.reverse(out);
        return out;
    }

    void clear() {
        entries.clear();
    }

    /** -1 when absent or not a number (then the limit does not apply). */
    private static int number(Element request, String attr) {
        if (request == null || request.attr(attr) == null) return -1;
        try {
            return Math.max(0, Integer.parseInt(request.attr(attr).strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Instant parseTime(String s) {
        return Delays.parse(s).orElse(null);
    }
}
