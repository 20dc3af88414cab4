package org.passerelle.modules.adhoc;

import java.time.Duration;
import org.passerelle.core.event.SessionEnded;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.routing.Destination;

/**
 * XEP-0050 ad-hoc commands on the hosted domains: the command list node and the command runner.
 * The commands themselves come from other modules (see {@link AdhocCommand}).
 */
@Implements(spec = "XEP-0050", version = "1.3.0", features = {AdhocModule.NS},
        note = "Commands of the hosted domains only; responses carry no xml:lang.")
@Implements(spec = "XEP-0004", version = "2.13.2", features = {"jabber:x:data"},
        note = "Forms of ad-hoc commands; no multi-item (reported/item) results.")
public final class AdhocModule implements Module {
    public static final String NS = "http://jabber.org/protocol/commands";

    @Override
    public String name() {
        return "adhoc";
    }

    @Override
    public void start(ModuleContext ctx) {
        AdhocOptions options = ctx.options(AdhocOptions.class);
        CommandSessions sessions = new CommandSessions(Duration.ofSeconds(options.sessionTimeout()), options.maxSessions(),
                ctx.server().clock());
        ctx.discoNode(NS, new CommandList(ctx.server().features().discoNodes()));
        ctx.iq(Destination.SERVER, NS, new CommandRunner(ctx.server().features().discoNodes(), sessions)::handle);
        ctx.on(SessionEnded.class, 100, e -> {
            sessions.removeAll(e.session().jid());
            return false;
        });
    }
}
