package org.passerelle.modules.carbons;

import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.session.Session;
import org.passerelle.core.session.SessionKey;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;

/** Enables and disables carbons per session and hooks the copies into routing. */
@Implements(spec = "XEP-0280", version = "1.0.1", features = CarbonsModule.NS,
        note = "errors answering copied messages are not copied (§6 calls that tracking unlikely to be appropriate)")
public final class CarbonsModule implements Module {
    static final String NS = "urn:xmpp:carbons:2";
    static final SessionKey<Boolean> ENABLED = SessionKey.of("carbons.enabled");

    private ServerContext server;

    @Override
    public String name() {
        return "carbons";
    }

    @Override
    public void start(ModuleContext ctx) {
        server = ctx.server();
        CarbonCopies copies = new CarbonCopies(server);
        ctx.iq(Destination.ACCOUNT, NS, this::toggle);
        // After blocking (10): nothing is copied that is refused.
        ctx.inbound(100, copies::sent);
        ctx.delivery(100, copies::received);
    }

    private Stanza toggle(Stanza iq) throws StanzaException {
        if (!"set".equals(iq.type())) throw new StanzaException("not-allowed", "carbons are enabled with an IQ set");
        if (!iq.from().asBareJid().equals(iq.to()) || !iq.from().hasResource()) {
            throw new StanzaException("not-allowed", "a session enables carbons for itself");
        }
        Session session = server.sessions().get((EntityFullJid) iq.from());
        String op = iq.element().firstElement().name();
        if (!op.equals("enable") && !op.equals("disable")) throw new StanzaException("bad-request", "expected enable or disable");
        // §8.1: repeating either is not an error.
        if (session != null) session.set(ENABLED, op.equals("enable") ? Boolean.TRUE : null);
        return iq.result(null);
    }
}
