package org.passerelle.modules.presence;

import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.SessionEnded;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.module.StreamFeature;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.stanza.StanzaKind;
import org.passerelle.xml.Element;

/** Presence subscriptions, broadcast, probes and directed presence (RFC 6121 §3, §4). */
@Implements(spec = "RFC 6121", note = "§3 subscriptions with pre-approval (§3.4), §4 presence, §8.5 presence rules")
public final class PresenceModule implements Module {
    /** Where presence policy sits among handlers: after filters (blocking, privacy), before the router's default. */
    static final int PRIORITY = 1000;
    static final String PRE_APPROVAL_FEATURE = "urn:xmpp:features:pre-approval";

    @Override
    public String name() {
        return "presence";
    }

    @Override
    public void start(ModuleContext ctx) {
        PresenceOptions options = ctx.options(PresenceOptions.class);
        ServerContext server = ctx.server();
        RosterItems items = new RosterItems(server.stores().roster(), server.events(), server.config().limits().rosterItems());
        Presences presences = new Presences(server);
        Subscriptions subscriptions = new Subscriptions(server, items, presences, options.preApproval());
        Broadcasts broadcasts = new Broadcasts(server, presences, subscriptions);
        InboundPresence inbound = new InboundPresence(server, presences, subscriptions, broadcasts);
        ctx.inbound(PRIORITY, new ClientPresence(server, broadcasts, subscriptions));
        ctx.handle(Destination.ACCOUNT, StanzaKind.PRESENCE, PRIORITY, inbound::toAccount);
        ctx.handle(Destination.RESOURCE, StanzaKind.PRESENCE, PRIORITY, inbound::toResource);
        ctx.on(SessionEnded.class, PRIORITY, broadcasts::ended);
        ctx.on(AccountDeleted.class, PRIORITY, e -> broadcasts.accountDeleted(e.account()));
        if (options.preApproval()) {
            ctx.streamFeature(new StreamFeature(false, () -> Element.of("sub", PRE_APPROVAL_FEATURE)));
        }
    }
}
