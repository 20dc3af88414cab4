package org.passerelle.modules.nearby;

import java.util.HashMap;
import java.util.Map;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.KeyValueStore;

/**
 * The opt-ins of one service's users, in the key-value store under the service's own owner
 * {@code optin@nearby.<domain>} (one key per user JID), so that a search can list them in one read.
 */
final class OptIns {
    static final String NS = "urn:passerelle:nearby";

    private final KeyValueStore kv;
    private final EntityBareJid index;

    OptIns(KeyValueStore kv, DomainBareJid service) {
        this.kv = kv;
        this.index = Jids.of("optin@" + service).asEntityBareJidIfPossible();
    }

    OptIn get(EntityBareJid user) {
        return kv.get(index, NS, user.toString()).map(OptIn::decode).orElse(null);
    }

    void put(EntityBareJid user, OptIn optIn) {
        kv.put(index, NS, user.toString(), optIn.encode());
    }

    boolean remove(EntityBareJid user) {
        return kv.delete(index, NS, user.toString());
    }

    /** Every opted-in user; unreadable entries (from a future version) are skipped. */
    Map<EntityBareJid, OptIn> all() {
        Map<EntityBareJid, OptIn> out = new HashMap<>();
        for (Map.Entry<String, String> e : kv.all(index, NS).entrySet()) {
            OptIn o = OptIn.decode(e.getValue());
            try {
                EntityBareJid user = Jids.parse(e.getKey()).asEntityBareJidIfPossible();
                if (o != null && user != null) out.put(user, o);
            } catch (StanzaException ex) {
                // written by this class from a parsed JID; skip if the rules changed
            }
        }
        return out;
    }
}
