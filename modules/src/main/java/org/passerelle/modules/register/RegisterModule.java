package org.passerelle.modules.register;

import java.util.HashSet;
import java.util.Set;
import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.auth.RateLimiter;
import org.passerelle.core.config.DomainConfig;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.module.StreamFeature;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.stanza.Jids;
import org.passerelle.xml.Element;

/**
 * XEP-0077 in-band registration: new accounts before authentication on the domains that allow
 * it (with the stream feature on those domains only), password change and account removal after.
 */
@Implements(spec = "XEP-0077", version = "2.5", features = {RegisterModule.NS},
        note = "Username and password (also as a data form); registration per domain, off by default; "
                + "no old-style error codes; no web registration link.")
public final class RegisterModule implements Module {
    public static final String NS = "jabber:iq:register";
    static final String FEATURE_NS = "http://jabber.org/features/iq-register";
    private static final long HOUR_MILLIS = 3_600_000;

    @Override
    public String name() {
        return "register";
    }

    @Override
    public void start(ModuleContext ctx) {
        ServerContext server = ctx.server();
        RegisterOptions options = ctx.options(RegisterOptions.class);
        Set<DomainBareJid> open = new HashSet<>();
        for (DomainConfig d : server.config().domains()) {
            if (d.registration()) open.add(Jids.of(d.name()).asDomainBareJid());
        }
        RateLimiter perAddress = new RateLimiter(server.config().limits().registrationsPerHour(), HOUR_MILLIS, server.clock());
        Registration registration = new Registration(open, server.accounts(), perAddress, options.instructions());
        ctx.preAuthIq(NS, registration::handle);
        ctx.streamFeature(new StreamFeature(true, domain -> registration.open(domain) ? Element.of("register", FEATURE_NS) : null));

        AccountRegistration account = new AccountRegistration(server.accounts(), server.sessions(), server.router(), options);
        ctx.iq(Destination.ACCOUNT, NS, account::handle);
        ctx.iq(Destination.SERVER, NS, account::handle);
    }
}
