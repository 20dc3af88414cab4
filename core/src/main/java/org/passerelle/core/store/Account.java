package org.passerelle.core.store;

import java.time.Instant;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;

/** A local account: its SCRAM credentials (one per hash), admin and disabled flags. */
public record Account(EntityBareJid jid, List<ScramCredential> credentials, boolean admin, boolean disabled,
                      Instant created) {
    public Account {
        credentials = List.copyOf(credentials);
    }

    public ScramCredential credential(ScramHash hash) {
        for (ScramCredential c : credentials) if (c.hash() == hash) return c;
        return null;
    }

    public Account withCredentials(List<ScramCredential> newCredentials) {
        return new Account(jid, newCredentials, admin, disabled, created);
    }

    public Account withAdmin(boolean newAdmin) {
        return new Account(jid, credentials, newAdmin, disabled, created);
    }

    public Account withDisabled(boolean newDisabled) {
        return new Account(jid, credentials, admin, newDisabled, created);
    }
}
