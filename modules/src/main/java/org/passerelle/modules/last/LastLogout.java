package org.passerelle.modules.last;

import java.time.Instant;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.KeyValueStore;

/** When an account last went offline and with which status, as one key-value entry. */
record LastLogout(Instant at, String status) {
    static final String NS = "jabber:iq:last";
    private static final String KEY = "logout";

    static Optional<LastLogout> load(KeyValueStore kv, EntityBareJid account) {
        return kv.get(account, NS, KEY).map(LastLogout::decode);
    }

    void save(KeyValueStore kv, EntityBareJid account) {
        kv.put(account, NS, KEY, at.getEpochSecond() + (status == null ? "" : " " + status));
    }

    /** "epochSeconds" or "epochSeconds status text". */
    private static LastLogout decode(String value) {
        int space = value.indexOf(' ');
        if (space < 0) return new LastLogout(Instant.ofEpochSecond(Long.parseLong(value)), null);
        return new LastLogout(Instant.ofEpochSecond(Long.parseLong(value.substring(0, space))), value.substring(space + 1));
    }
}
