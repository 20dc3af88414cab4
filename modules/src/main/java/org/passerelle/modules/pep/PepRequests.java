package org.passerelle.modules.pep;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.PubsubItem;
import org.passerelle.core.store.PubsubNode;
import org.passerelle.core.store.PubsubStore;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.xml.Element;

/**
 * IQs to an account's bare JID in the pubsub and pubsub#owner namespaces. Only the owner
 * writes and configures; anyone the node's access model admits retrieves items (§6.5).
 * Explicit subscriptions and affiliations are not offered: PEP subscribers are the owner's
 * presence subscribers.
 */
final class PepRequests {
    private final ServerContext server;
    private final PubsubStore store;
    private final Publishing publishing;
    private final NodeForms forms;
    private final Access access;
    private final Notifier notifier;

    PepRequests(ServerContext server, Publishing publishing, NodeForms forms, Access access, Notifier notifier) {
        this.server = server;
        this.store = server.stores().pubsub();
        this.publishing = publishing;
        this.forms = forms;
        this.access = access;
        this.notifier = notifier;
    }

    Stanza pubsub(Stanza iq) throws StanzaException {
        EntityBareJid owner = account(iq);
        Element pubsub = iq.element().firstElement();
        Element first = pubsub.elements().isEmpty() ? null : pubsub.elements().getFirst();
        if (first == null) throw new PubsubException("bad-request", null, "empty pubsub request");
        String op = first.name() + ("get".equals(iq.type()) ? ":get" : ":set");
        switch (op) {
            case "publish:set" -> {
                checkOwner(iq, owner);
                Publishing.Published p = publishing.publish(owner, iq.from().toString(), first, pubsub.child("publish-options", Pubsub.NS));
                Element result = Element.builder("pubsub", Pubsub.NS).child(Element.builder("publish", Pubsub.NS)
                        .attr("node", p.node().name()).child(Pubsub.item(Pubsub.NS, p.item().id(), null)).build()).build();
                server.router().route(iq.result(result));
                publishing.notify(p);
                return null;
            }
            case "retract:set" -> {
                checkOwner(iq, owner);
                publishing.retract(owner, first);
                return iq.result(null);
            }
            case "create:set" -> {
                checkOwner(iq, owner);
                publishing.create(owner, first, pubsub.child("configure", Pubsub.NS));
                return iq.result(null);
            }
            case "items:get" -> {
                return iq.result(items(iq.from().asBareJid(), owner, first));
            }
            default -> throw PubsubException.unsupported(first.name());
        }
    }

    Stanza ownerRequest(Stanza iq) throws StanzaException {
        EntityBareJid owner = account(iq);
        checkOwner(iq, owner);
        Element first = iq.element().firstElement().elements().stream().findFirst()
                .orElseThrow(() -> new PubsubException("bad-request", null, "empty pubsub#owner request"));
        String op = first.name() + ("get".equals(iq.type()) ? ":get" : ":set");
        switch (op) {
            case "configure:get" -> {
                PubsubNode node = node(owner, Pubsub.node(first));
                return iq.result(Element.builder("pubsub", Pubsub.OWNER).child(Element.builder("configure", Pubsub.OWNER)
                        .attr("node", node.name()).child(forms.form(node)).build()).build());
            }
            case "configure:set" -> {
                PubsubNode node = node(owner, Pubsub.node(first));
                DataForm form = DataForm.find(first);
                if (form == null) throw new PubsubException("bad-request", null, "a configure set needs a data form");
                if (!"cancel".equals(form.type())) store.configure(forms.apply(node, form));
                return iq.result(null);
            }
            case "delete:set" -> {
                PubsubNode node = node(owner, Pubsub.node(first));
                List<Session> told = notifier.recipients(node);
                store.delete(owner, node.name());
                notifier.send(told, owner, Element.builder("delete", Pubsub.EVENT).attr("node", node.name()).build());
                return iq.result(null);
            }
            default -> throw PubsubException.unsupported(first.name());
        }
    }

    /** §6.5: all items up to the node's maximum, the newest {@code max_items}, or the ones named; oldest first. */
    private Element items(BareJid requester, EntityBareJid owner, Element request) throws PubsubException {
        PubsubNode node = node(owner, Pubsub.node(request));
        access.checkRead(node, requester);
        List<PubsubItem> found = new ArrayList<>();
        List<Element> wanted = request.children("item", Pubsub.NS);
        if (!wanted.isEmpty()) {
            for (Element w : wanted) {
                if (w.attr("id") != null) store.item(owner, node.name(), w.attr("id")).ifPresent(found::add);
            }
        } else {
            int max = node.maxItems();
            String asked = request.attr("max_items");
            if (asked != null) {
                try {
                    max = Math.min(max, Integer.parseInt(asked.trim()));
                } catch (NumberFormatException e) {
                    throw new PubsubException("bad-request", null, "max_items must be a number");
                }
            }
            found.addAll(store.items(owner, node.name(), Math.max(0, max)).reversed());
        }
        Element.Builder items = Element.builder("items", Pubsub.NS).attr("node", node.name());
        for (PubsubItem i : found) items.child(Pubsub.item(Pubsub.NS, i.id(), i.payload()));
        return Element.builder("pubsub", Pubsub.NS).child(items.build()).build();
    }

    private PubsubNode node(EntityBareJid owner, String name) throws PubsubException {
        return store.node(owner, name).orElseThrow(() -> new PubsubException("item-not-found", null, "no such node"));
    }

    private EntityBareJid account(Stanza iq) throws PubsubException {
        EntityBareJid owner = iq.to().asEntityBareJidIfPossible();
        if (owner == null || !server.accounts().exists(owner)) throw new PubsubException("item-not-found", null, "no such account");
        return owner;
    }

    private static void checkOwner(Stanza iq, EntityBareJid owner) throws PubsubException {
        if (!iq.from().asBareJid().equals(owner)) throw new PubsubException("forbidden", null, "only the owner may do this");
    }
}
