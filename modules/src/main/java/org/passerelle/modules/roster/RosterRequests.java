package org.passerelle.modules.roster;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.event.RosterItemChanged;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.IqHandler;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.RosterChange;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.RosterStore;
import org.passerelle.xml.Element;

/** Answers roster gets and sets (RFC 6121 §2.2 to §2.5) sent by the account's own resources. */
final class RosterRequests implements IqHandler {
    private final ServerContext server;
    private final RosterStore store;
    private final RosterOptions options;
    private final int maxItems;
    private final RosterRemoval removal;

    RosterRequests(ServerContext server, RosterOptions options, RosterRemoval removal) {
        this.server = server;
        this.store = server.stores().roster();
        this.options = options;
        this.maxItems = server.config().limits().rosterItems();
        this.removal = removal;
    }

    @Override
    public Stanza handle(Stanza iq) throws StanzaException {
        EntityBareJid owner = iq.to().asEntityBareJidOrThrow();
        if (iq.from() == null || !iq.from().asBareJid().equals(owner)) {
            // §8.5.1 for an account that does not exist; §2.3.3: only the account itself may touch its roster.
            boolean exists = !server.sessions().sessions(owner).isEmpty() || server.accounts().exists(owner);
            throw new StanzaException(exists ? "forbidden" : "service-unavailable", null);
        }
        Element query = iq.element().firstElement();
        if (!query.is("query", RosterXml.NS)) throw new StanzaException("bad-request", "expected <query/>");
        return "get".equals(iq.type()) ? get(iq, owner, query) : set(iq, owner, query);
    }

    private Stanza get(Stanza iq, EntityBareJid owner, Element query) {
        String version = Long.toString(store.version(owner));
        if (iq.from() instanceof EntityFullJid full) {
            Session session = server.sessions().get(full);
            if (session != null) session.setInterested(true);
        }
        // §2.6.3: the client's cache is current, so the answer is empty and pushes follow from here.
        if (options.versioning() && version.equals(query.attr("ver"))) return iq.result(null);
        List<Element> items = store.items(owner).stream().filter(RosterItem::visible).map(RosterXml::item).toList();
        return iq.result(RosterXml.query(options.versioning() ? version : null, items));
    }

    private Stanza set(Stanza iq, EntityBareJid owner, Element query) throws StanzaException {
        List<Element> items = query.children("item", RosterXml.NS);
        if (items.size() != 1) throw new StanzaException("bad-request", "a roster set carries exactly one item");
        Element item = items.getFirst();
        BareJid contact = contact(item, owner);
        if ("remove".equals(item.attr("subscription"))) return remove(iq, owner, contact);
        // §2.1.2.5: any other 'subscription' (and 'ask', 'approved') in a set is ignored.
        String name = name(item);
        Set<String> groups = groups(item);
        RosterChange change = store.update(owner, contact, maxItems,
                existing -> (existing == null ? RosterItem.of(contact) : existing.withListed(true)).withName(name).withGroups(groups));
        if (change.full()) throw new StanzaException("resource-constraint", "the roster is full (" + maxItems + " items)");
        server.router().route(iq.result(null));
        server.events().publish(new RosterItemChanged(owner, contact, change.before(), change.after(), change.version()));
        return null;
    }

    private Stanza remove(Stanza iq, EntityBareJid owner, BareJid contact) throws StanzaException {
        if (!removal.remove(owner, contact, iq.result(null))) {
            throw new StanzaException("item-not-found", "no such item in the roster");
        }
        return null;
    }

    private static BareJid contact(Element item, EntityBareJid owner) throws StanzaException {
        String attr = item.attr("jid");
        if (attr == null) throw new StanzaException("bad-request", "the item has no 'jid'");
        Jid jid = Jids.parse(attr);
        if (jid.hasResource()) throw new StanzaException("bad-request", "a roster item is a bare JID");
        if (jid.equals(owner)) throw new StanzaException("not-allowed", "an account is not its own contact");
        return jid.asBareJid();
    }

    private String name(Element item) throws StanzaException {
        String name = item.attr("name");
        if (name == null || name.isEmpty()) return null;
        if (name.length() > options.maxNameLength()) {
            throw new StanzaException("not-acceptable", "the name is longer than " + options.maxNameLength() + " characters");
        }
        return name;
    }

    /** §2.3.3: duplicates (also when they differ only by surrounding spaces) are bad-request; empty or long ones not-acceptable. */
    private Set<String> groups(Element item) throws StanzaException {
        Set<String> groups = new LinkedHashSet<>();
        Set<String> stripped = new java.util.HashSet<>();
        for (Element g : item.children("group", RosterXml.NS)) {
            String text = g.text();
            if (text.isEmpty()) throw new StanzaException("not-acceptable", "a group name is empty");
            if (text.length() > options.maxGroupLength()) {
                throw new StanzaException("not-acceptable", "a group name is longer than " + options.maxGroupLength() + " characters");
            }
            if (!stripped.add(text.strip())) throw new StanzaException("bad-request", "the group '" + text + "' is listed twice");
            groups.add(text);
        }
        if (groups.size() > options.maxGroups()) {
            throw new StanzaException("not-acceptable", "an item is in at most " + options.maxGroups() + " groups");
        }
        return groups;
    }
}
