package org.passerelle.xmpp.sasl;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.StanzaException;

/** Turns a SASL username (a localpart, RFC 6120 §6.3.7) into the account's bare JID. */
final class SaslNames {
    private SaslNames() {
    }

    static EntityBareJid account(String username, DomainBareJid domain) throws SaslException {
        if (username == null || username.isEmpty() || username.indexOf('@') >= 0 || username.indexOf('/') >= 0) {
            throw new SaslException("not-authorized", "invalid username");
        }
        try {
            Jid jid = Jids.parse(username + "@" + domain);
            return jid.asEntityBareJidIfPossible();
        } catch (StanzaException e) {
            throw new SaslException("not-authorized", "invalid username");
        }
    }

    /** An authorization identity must be empty or the account itself (no impersonation). */
    static void checkAuthzid(String authzid, EntityBareJid account) throws SaslException {
        if (authzid == null || authzid.isEmpty()) return;
        try {
            if (!Jids.parse(authzid).equals(account)) throw new SaslException("invalid-authzid", "authzid is not the account");
        } catch (StanzaException e) {
            throw new SaslException("invalid-authzid", "malformed authzid");
        }
    }
}
