package org.passerelle.modules.muc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;

/** A room's occupants by nickname (normalised, see {@link Nicknames}) and by real JID; guarded by the room's lock. */
final class Occupants {
    private final Map<String, Occupant> byNick = new LinkedHashMap<>();
    private final Map<EntityFullJid, Occupant> byReal = new HashMap<>();

    Occupant byNick(String nick) {
        return byNick.get(Nicknames.key(nick));
    }

    Occupant byReal(EntityFullJid real) {
        return byReal.get(real);
    }

    /** Adds or replaces (same real JID) the occupant. */
    void put(Occupant o) {
        Occupant old = byReal.put(o.real(), o);
        if (old != null) byNick.remove(Nicknames.key(old.nick()));
        byNick.put(Nicknames.key(o.nick()), o);
    }

    void remove(Occupant o) {
        byReal.remove(o.real());
        byNick.remove(Nicknames.key(o.nick()));
    }

    /** In order of arrival. */
    List<Occupant> all() {
        return new ArrayList<>(byNick.values());
    }

    /** The clients of one user in the room. */
    List<Occupant> of(BareJid user) {
        List<Occupant> out = new ArrayList<>();
        for (Occupant o : byNick.values()) if (o.real().asBareJid().equals(user)) out.add(o);
        return out;
    }

    int size() {
        return byNick.size();
    }

    boolean isEmpty() {
        return byNick.isEmpty();
    }
}
