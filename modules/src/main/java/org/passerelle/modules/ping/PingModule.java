package org.passerelle.modules.ping;

import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.auth.Accounts;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;

/** Answers urn:xmpp:ping at hosted domains and at accounts. */
@Implements(spec = "XEP-0199", version = "2.0.1", features = PingModule.NS, accountFeatures = PingModule.NS)
public final class PingModule implements Module {
    static final String NS = "urn:xmpp:ping";

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public void start(ModuleContext ctx) {
        Accounts accounts = ctx.server().accounts();
        ctx.iq(Destination.SERVER, NS, PingModule::pong);
        ctx.iq(Destination.ACCOUNT, NS, iq -> {
            EntityBareJid account = iq.to().asEntityBareJidIfPossible();
            // RFC 6121 §8.5.1: an IQ to an account that does not exist is service-unavailable.
            if (!accounts.exists(account)) throw new StanzaException("service-unavailable", null);
            return pong(iq);
        });
    }

    private static Stanza pong(Stanza iq) throws StanzaException {
        if (!"get".equals(iq.type())) throw new StanzaException("not-allowed", "a ping is an IQ get");
        return iq.result(null);
    }
}
