package org.passerelle.modules.adhoc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.Jid;
import org.passerelle.modules.forms.DataForm;

/**
 * The command sessions waiting for their requester's next stage, by session id. A session lives
 * until it completes, is canceled, times out, its requester goes offline, or the requester opens
 * too many others.
 */
final class CommandSessions {
    /** One open session: the forms submitted before the stage now shown, and whether that stage is the last. */
    record Open(String id, String node, Jid requester, List<DataForm> forms, boolean last, Instant touched) {
        Open {
            forms = List.copyOf(forms);
        }
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final int maxPerRequester;
    private final Clock clock;

    CommandSessions(Duration timeout, int maxPerRequester, Clock clock) {
        this.timeout = timeout;
        this.maxPerRequester = maxPerRequester;
        this.clock = clock;
    }

    /** A fresh, unguessable session id. */
    String newId() {
        return UUID.randomUUID().toString();
    }

    /** The open session with this id, or null when unknown, ended or timed out. */
    Open get(String id) {
        Open s = open.get(id);
        if (s != null && expired(s)) {
            open.remove(id, s);
            return null;
        }
        return s;
    }

    /** Keeps a session for its next stage, dropping timed-out ones and the requester's oldest beyond the limit. */
    void put(String id, String node, Jid requester, List<DataForm> forms, boolean last) {
        open.values().removeIf(this::expired);
        List<Open> mine = open.values().stream().filter(s -> s.requester().equals(requester) && !s.id().equals(id))
                .sorted(Comparator.comparing(Open::touched)).toList();
        for (int i = 0; i <= mine.size() - maxPerRequester; i++) open.remove(mine.get(i).id());
        open.put(id, new Open(id, node, requester, forms, last, clock.instant()));
    }

    void remove(String id) {
        open.remove(id);
    }

    /** Ends every session of a requester that went offline. */
    void removeAll(Jid requester) {
        open.values().removeIf(s -> s.requester().equals(requester));
    }

    int size() {
        return open.size();
    }

    private boolean expired(Open s) {
        return s.touched().plus(timeout).isBefore(clock.instant());
    }
}
