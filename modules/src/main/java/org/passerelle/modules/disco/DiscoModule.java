package org.passerelle.modules.disco;

import java.util.TreeSet;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.AccountNodeInfo;
import org.passerelle.core.module.DiscoItem;
import org.passerelle.core.module.DiscoNode;
import org.passerelle.core.module.Features;
import org.passerelle.core.module.Identity;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Subscription;
import org.passerelle.xml.Element;

/** Answers disco#info and disco#items sent to a hosted domain or to an account. */
@Implements(spec = "XEP-0030", version = "2.5.0", features = {DiscoModule.INFO, DiscoModule.ITEMS},
        accountFeatures = {DiscoModule.INFO, DiscoModule.ITEMS})
public final class DiscoModule implements Module {
    static final String INFO = "http://jabber.org/protocol/disco#info";
    static final String ITEMS = "http://jabber.org/protocol/disco#items";

    private ServerContext server;

    @Override
    public String name() {
        return "disco";
    }

    @Override
    public void start(ModuleContext ctx) {
        server = ctx.server();
        ctx.identity("server", "im", "Passerelle");
        ctx.iq(Destination.SERVER, INFO, this::serverInfo);
        ctx.iq(Destination.SERVER, ITEMS, this::serverItems);
        ctx.iq(Destination.ACCOUNT, INFO, this::accountInfo);
        ctx.iq(Destination.ACCOUNT, ITEMS, this::accountItems);
    }

    private Stanza serverInfo(Stanza iq) throws StanzaException {
        String node = query(iq).attr("node");
        Features f = server.features();
        if (node != null && !f.isInfoNode(node)) {
            // Nodes other modules answer, e.g. ad-hoc commands (XEP-0050 §2).
            return iq.result(f.discoNodes().info(node, iq.from(), iq.to().asDomainBareJid()));
        }
        Element.Builder q = Element.builder("query", INFO).attr("node", node);
        for (Identity id : f.identities()) q.child(identity(id.category(), id.type(), id.name()));
        for (String var : new TreeSet<>(f.server())) q.child(feature(var));
        q.children(f.forms());
        return iq.result(q.build());
    }

    private Stanza serverItems(Stanza iq) throws StanzaException {
        String node = query(iq).attr("node");
        if (node != null) return iq.result(server.features().discoNodes().items(node, iq.from(), iq.to().asDomainBareJid()));
        Element.Builder q = Element.builder("query", ITEMS);
        for (DiscoItem item : server.features().items()) {
            if (!listedUnder(item, iq.to().asDomainBareJid().toString())) continue;
            q.child(Element.builder("item", ITEMS).attr("jid", item.jid()).attr("node", item.node()).attr("name", item.name()).build());
        }
        return iq.result(q.build());
    }

    /** A service of one hosted domain ({@code conference.example.org}) is listed under that domain only. */
    private boolean listedUnder(DiscoItem item, String domain) {
        for (var hosted : server.domains().all()) {
            String d = hosted.toString();
            if (item.jid().endsWith("." + d) && !d.equals(domain) && !domain.endsWith("." + d)) return false;
        }
        return true;
    }

    private Stanza accountInfo(Stanza iq) throws StanzaException {
        Element query = query(iq);
        checkVisible(iq);
        if (query.attr("node") != null) return iq.result(accountNode(iq, query.attr("node")));
        Element.Builder q = Element.builder("query", INFO).child(identity("account", "registered", null));
        for (Identity id : server.features().accountIdentities()) q.child(identity(id.category(), id.type(), id.name()));
        for (String var : new TreeSet<>(server.features().account())) q.child(feature(var));
        return iq.result(q.build());
    }

    /** A node of the account another module answers for (a PEP node), else {@code item-not-found}. */
    private Element accountNode(Stanza iq, String node) throws StanzaException {
        EntityBareJid account = iq.to().asEntityBareJidIfPossible();
        for (AccountNodeInfo answerer : server.features().accountNodeInfos()) {
            DiscoNode.Info info = answerer.info(account, node, iq.from());
            if (info == null) continue;
            Element.Builder q = Element.builder("query", INFO).attr("node", node);
            for (Identity id : info.identities()) q.child(identity(id.category(), id.type(), id.name()));
            for (String var : info.features()) q.child(feature(var));
            return q.build();
        }
        throw new StanzaException("item-not-found", null);
    }

    private Stanza accountItems(Stanza iq) throws StanzaException {
        Element query = query(iq);
        checkVisible(iq);
        if (query.attr("node") != null) throw new StanzaException("item-not-found", null);
        return iq.result(Element.of("query", ITEMS));
    }

    /** XEP-0030 §8: only the owner and contacts allowed to see the owner's presence learn about the account. */
    private void checkVisible(Stanza iq) throws StanzaException {
        EntityBareJid owner = iq.to().asEntityBareJidIfPossible();
        boolean visible = owner != null && server.accounts().exists(owner)
                && (iq.from().asBareJid().equals(owner) || server.stores().roster().item(owner, iq.from().asBareJid())
                        .map(RosterItem::subscription).filter(Subscription::hasFrom).isPresent());
        if (!visible) throw new StanzaException("service-unavailable", null);
    }

    private static Element query(Stanza iq) throws StanzaException {
        if (!"get".equals(iq.type())) throw new StanzaException("not-allowed", "disco queries are IQ get");
        return iq.element().firstElement();
    }

    private static Element identity(String category, String type, String name) {
        return Element.builder("identity", INFO).attr("category", category).attr("type", type).attr("name", name).build();
    }

    private static Element feature(String var) {
        return Element.builder("feature", INFO).attr("var", var).build();
    }
}
