package org.passerelle.modules.pep;

import java.util.List;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.CapsKnown;
import org.passerelle.core.event.InitialPresence;
import org.passerelle.core.event.RosterItemChanged;
import org.passerelle.core.module.DiscoNode;
import org.passerelle.core.module.Identity;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.Destination;

/** Personal eventing: a pubsub service at each account's bare JID, for the account's own nodes. */
@Implements(spec = "XEP-0163", version = "1.2.2", accountFeatures = {
        PepModule.P + "#publish", PepModule.P + "#auto-create", PepModule.P + "#publish-options", PepModule.P + "#create-nodes",
        PepModule.P + "#retrieve-items", PepModule.P + "#retract-items", PepModule.P + "#delete-nodes", PepModule.P + "#config-node",
        PepModule.P + "#access-presence", PepModule.P + "#access-open", PepModule.P + "#access-roster",
        PepModule.P + "#access-whitelist", PepModule.P + "#persistent-items", PepModule.P + "#last-published",
        PepModule.P + "#item-ids", PepModule.P + "#multi-items", PepModule.P + "#filtered-notifications",
        PepModule.P + "#auto-subscribe", PepModule.P + "#presence-notifications"},
        note = "notifications to local contacts only (no s2s yet); no explicit subscriptions or affiliations")
@Implements(spec = "XEP-0060", version = "1.26.0", note = "the parts PEP needs: publish, publish-options preconditions, "
        + "create, retract, items, delete, configure; no subscribe, affiliations, collections, purge")
@Implements(spec = "XEP-0084", version = "1.1.4", note = "avatar data item ids checked against the data's SHA-1")
@Implements(spec = "XEP-0080", version = "1.9", note = "lat/lon checked in range before they are stored")
@Implements(spec = "XEP-0107", version = "1.2.1", note = "generic PEP node")
@Implements(spec = "XEP-0108", version = "1.3", note = "generic PEP node")
@Implements(spec = "XEP-0402", version = "1.1.4", note = "generic PEP node with whitelist access; no #compat mapping to private XML")
public final class PepModule implements Module {
    static final String P = "http://jabber.org/protocol/pubsub";

    @Override
    public String name() {
        return "pep";
    }

    @Override
    public void start(ModuleContext ctx) {
        ServerContext server = ctx.server();
        PepOptions options = ctx.options(PepOptions.class);
        NodeForms forms = new NodeForms(options.maxItems());
        Access access = new Access(server);
        Notifier notifier = new Notifier(server, access);
        Publishing publishing = new Publishing(server, forms, notifier, options);
        PepRequests requests = new PepRequests(server, publishing, forms, access, notifier);
        LastItems last = new LastItems(server, access, notifier);
        ctx.iq(Destination.ACCOUNT, Pubsub.NS, requests::pubsub);
        ctx.iq(Destination.ACCOUNT, Pubsub.OWNER, requests::ownerRequest);
        ctx.on(InitialPresence.class, 200, last::initialPresence);
        ctx.on(CapsKnown.class, 200, last::capsKnown);
        ctx.on(RosterItemChanged.class, 200, last::rosterChanged);
        ctx.on(AccountDeleted.class, 100, e -> {
            server.stores().pubsub().deleteAll(e.account());
            return false;
        });
        ctx.onStop(server.features().addAccountNodeInfo((account, node, requester) ->
                server.stores().pubsub().node(account, node).filter(n -> access.mayRead(n, requester.asBareJid()))
                        .map(n -> new DiscoNode.Info(List.of(new Identity("pubsub", "leaf", null)), List.of(Pubsub.NS))).orElse(null)));
        Identity pep = new Identity("pubsub", "pep", null);
        server.features().addAccountIdentity(pep);
        ctx.onStop(() -> server.features().removeAccountIdentity(pep));
    }
}
