package org.passerelle.modules.message;

import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.InboundInterceptor;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;

/**
 * RFC 6121 §8.5.1 for IQs: a request to an account that does not exist is service-unavailable,
 * whichever module would answer that namespace for an account. Messages and presence get the
 * same rule where they are delivered.
 */
final class MissingAccounts implements InboundInterceptor {
    private final ServerContext server;

    MissingAccounts(ServerContext server) {
        this.server = server;
    }

    @Override
    public Stanza intercept(Session sender, Stanza stanza) throws StanzaException {
        if (!stanza.isIqRequest() || stanza.to() == null || !stanza.to().hasLocalpart() || stanza.to().hasResource()) return stanza;
        if (!server.domains().isLocal(stanza.to())) return stanza;
        EntityBareJid to = stanza.to().asEntityBareJidOrThrow();
        // One's own account exists, and so does one with sessions: no store lookup for those.
        if (to.equals(sender.bareJid()) || !server.sessions().sessions(to).isEmpty() || server.accounts().exists(to)) return stanza;
        throw new StanzaException("service-unavailable", null);
    }
}
