package org.passerelle.modules.blocking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.BlockQuery;
import org.passerelle.core.event.SessionEnded;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.session.Session;
import org.passerelle.core.session.SessionKey;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/** The block list protocol; enforcement is in {@link BlockingEnforcer}, presence updates in {@link BlockPresence}. */
@Implements(spec = "XEP-0191", version = "1.3", features = BlockList.NS)
public final class BlockingModule implements Module {
    /** Set on a session that retrieved the block list: it gets pushes (§3.3). */
    static final SessionKey<Boolean> WANTS_PUSHES = SessionKey.of("blocking.pushes");

    private ServerContext server;
    private BlockList lists;
    private BlockPresence presence;
    private int maxItems;

    @Override
    public String name() {
        return "blocking";
    }

    @Override
    public void start(ModuleContext ctx) {
        server = ctx.server();
        maxItems = ctx.options(BlockingOptions.class).maxItems();
        lists = new BlockList(server.stores().keyValue(), server.sessions());
        presence = new BlockPresence(server);
        BlockingEnforcer enforcer = new BlockingEnforcer(lists, server.domains(), server.router());
        ctx.iq(Destination.ACCOUNT, BlockList.NS, this::handle);
        ctx.inbound(10, enforcer::fromClient);
        ctx.delivery(10, enforcer::toSession);
        // Before any other local interceptor (archiving): a refused stanza leaves no trace.
        ctx.local(10, (destination, stanza) -> enforcer.toAccount(stanza) ? null : stanza);
        ctx.on(SessionEnded.class, 100, e -> {
            lists.evictIfOffline(e.session().bareJid());
            return false;
        });
        // Other modules ask through the event bus, not through this module's classes.
        ctx.on(BlockQuery.class, 100, q -> lists.blocks(q.owner(), q.other()));
        ctx.on(AccountDeleted.class, 100, e -> {
            lists.clear(e.account());
            return false;
        });
    }

    /** Answers the get; answers a set itself, before its pushes, and returns null. */
    private Stanza handle(Stanza iq) throws StanzaException {
        EntityBareJid owner = iq.to().asEntityBareJidIfPossible();
        if (!iq.from().asBareJid().equals(owner)) throw new StanzaException("forbidden", "a block list is its owner's only");
        Element payload = iq.element().firstElement();
        String op = payload.name() + ("get".equals(iq.type()) ? ":get" : ":set");
        switch (op) {
            case "blocklist:get" -> {
                Session session = server.sessions().get((EntityFullJid) iq.from());
                if (session != null) session.set(WANTS_PUSHES, true);
                return iq.result(element("blocklist", sorted(lists.items(owner))));
            }
            case "block:set" -> block(iq, owner, items(payload));
            case "unblock:set" -> unblock(iq, owner, items(payload));
            default -> throw new StanzaException("bad-request", "expected blocklist (get), block or unblock (set)");
        }
        return null;
    }

    private void block(Stanza iq, EntityBareJid owner, List<Jid> jids) throws StanzaException {
        if (jids.isEmpty()) throw new StanzaException("bad-request", "block needs at least one item");
        Set<Jid> added = new LinkedHashSet<>(jids);
        added.removeAll(lists.items(owner));
        if (lists.items(owner).size() + added.size() > maxItems) {
            throw new StanzaException("policy-violation", "a block list holds at most " + maxItems + " JIDs");
        }
        // Sent before the block, which would stop it.
        presence.send(owner, added, false);
        lists.add(owner, added);
        server.router().route(iq.result(null));
        push(owner, element("block", jids));
    }

    private void unblock(Stanza iq, EntityBareJid owner, List<Jid> jids) {
        Set<Jid> removed = new LinkedHashSet<>(lists.items(owner));
        if (jids.isEmpty()) {
            lists.clear(owner);
        } else {
            removed.retainAll(jids);
            lists.remove(owner, removed);
        }
        server.router().route(iq.result(null));
        push(owner, element("unblock", jids));
        presence.send(owner, removed, true);
    }

    private void push(EntityBareJid owner, Element payload) {
        for (Session s : server.sessions().sessions(owner)) {
            if (!Boolean.TRUE.equals(s.get(WANTS_PUSHES))) continue;
            Element iq = Element.builder("iq", Namespaces.CLIENT).attr("type", "set").attr("id", server.iqTracker().nextId())
                    .child(payload).build();
            server.router().deliver(s, Stanza.of(iq, owner, s.jid()));
        }
    }

    private static List<Jid> items(Element payload) throws StanzaException {
        List<Jid> out = new ArrayList<>();
        for (Element item : payload.children("item", BlockList.NS)) out.add(Jids.parse(item.attr("jid")));
        return out;
    }

    private static Element element(String name, List<Jid> jids) {
        Element.Builder b = Element.builder(name, BlockList.NS);
        for (Jid j : jids) b.child(Element.builder("item", BlockList.NS).attr("jid", j.toString()).build());
        return b.build();
    }

    private static List<Jid> sorted(Set<Jid> jids) {
        List<Jid> out = new ArrayList<>(jids);
        out.sort(Comparator.comparing(Jid::toString));
        return out;
    }
}
