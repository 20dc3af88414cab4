package org.passerelle.modules.muc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * A room's occupants: each nickname (normalised, see {@link Nicknames}) with the client sessions
 * behind it (several clients of one user may share a nickname), and each session by its real
 * JID. Sessions of one nickname share its role. Guarded by the room's lock.
 */
final class Occupants {
    private final Map<String, List<Occupant>> byNick = new LinkedHashMap<>();
    private final Map<EntityFullJid, Occupant> byReal = new HashMap<>();

    /** The first session under the nickname, which stands for it, or null. */
    Occupant byNick(String nick) {
        List<Occupant> s = byNick.get(Nicknames.key(nick));
        return s == null ? null : s.getFirst();
    }

    /** Every session under the nickname, in order of arrival; empty when nobody has it. */
    List<Occupant> sessions(String nick) {
        return List.copyOf(byNick.getOrDefault(Nicknames.key(nick), List.of()));
    }

    Occupant byReal(EntityFullJid real) {
        return byReal.get(real);
    }

    /** Adds the session or replaces it (same real JID), under its possibly new nickname. */
    void put(Occupant o) {
        Occupant old = byReal.put(o.real(), o);
        if (old != null) {
            if (Nicknames.key(old.nick()).equals(Nicknames.key(o.nick()))) {
                List<Occupant> l = byNick.get(Nicknames.key(o.nick()));
                l.replaceAll(x -> x.real().equals(o.real()) ? o : x);
                return;
            }
            unlist(old);
        }
        byNick.computeIfAbsent(Nicknames.key(o.nick()), k -> new ArrayList<>()).add(o);
    }

    void remove(Occupant o) {
        Occupant old = byReal.remove(o.real());
        if (old != null) unlist(old);
    }

    private void unlist(Occupant o) {
        String key = Nicknames.key(o.nick());
        List<Occupant> l = byNick.get(key);
        if (l == null) return;
        l.removeIf(x -> x.real().equals(o.real()));
        if (l.isEmpty()) byNick.remove(key);
    }

    /** Every session, for broadcasts. */
    List<Occupant> all() {
        List<Occupant> out = new ArrayList<>(byReal.size());
        for (List<Occupant> l : byNick.values()) out.addAll(l);
        return out;
    }

    /** One session per nickname, in order of arrival: who is in the room. */
    List<Occupant> nicks() {
        List<Occupant> out = new ArrayList<>(byNick.size());
        for (List<Occupant> l : byNick.values()) out.add(l.getFirst());
        return out;
    }

    /** The sessions of one user. */
    List<Occupant> of(BareJid user) {
        List<Occupant> out = new ArrayList<>();
        for (Occupant o : all()) if (o.real().asBareJid().equals(user)) out.add(o);
        return out;
    }

    /** Nicknames in use (the room's occupant count). */
    int size() {
        return byNick.size();
    }

    boolean isEmpty() {
        return byNick.isEmpty();
    }
}
