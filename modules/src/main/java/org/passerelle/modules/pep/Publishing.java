package org.passerelle.modules.pep;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.store.PubsubItem;
import org.passerelle.core.store.PubsubNode;
import org.passerelle.core.store.PubsubStore;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlWriter;

/** The owner's writes: publish with auto-create and publish-options (XEP-0060 §7.1), create, retract (§7.2). */
final class Publishing {
    private final ServerContext server;
    private final PubsubStore store;
    private final NodeForms forms;
    private final Notifier notifier;
    private final PepOptions options;

    Publishing(ServerContext server, NodeForms forms, Notifier notifier, PepOptions options) {
        this.server = server;
        this.store = server.stores().pubsub();
        this.forms = forms;
        this.notifier = notifier;
        this.options = options;
    }

    /** Stores the item (unless the node does not persist items) and returns its id; notifications go out after the reply. */
    Published publish(EntityBareJid owner, String publisher, Element publish, Element publishOptions) throws PubsubException {
        String name = Pubsub.node(publish);
        List<Element> items = publish.children("item", Pubsub.NS);
        if (items.isEmpty()) throw new PubsubException("bad-request", "item-required", "a PEP publish needs an item");
        if (items.size() > 1) throw new PubsubException("bad-request", "invalid-payload", "one item per publish");
        Element item = items.getFirst();
        List<Element> payloads = item.elements();
        if (payloads.isEmpty()) throw new PubsubException("bad-request", "payload-required", "the item needs a payload");
        if (payloads.size() > 1) throw new PubsubException("bad-request", "invalid-payload", "one payload per item");
        Element payload = payloads.getFirst();
        if (XmlWriter.toXml(payload).getBytes(StandardCharsets.UTF_8).length > options.maxItemBytes()) {
            throw new PubsubException("not-acceptable", "payload-too-big", "items are limited to " + options.maxItemBytes() + " bytes");
        }
        String id = item.attr("id");
        if (id == null || id.isEmpty()) id = UUID.randomUUID().toString();
        PayloadRules.check(name, id, payload);
        PubsubNode node = nodeFor(owner, name, publishOptions);
        PubsubItem stored = new PubsubItem(id, publisher, payload, server.clock().instant());
        if (node.persistItems()) store.publish(owner, name, stored, node.maxItems());
        return new Published(node, stored);
    }

    /** The publication's notification, to the sessions interested now. */
    void notify(Published p) {
        Element items = Element.builder("items", Pubsub.EVENT).attr("node", p.node().name())
                .child(Pubsub.item(Pubsub.EVENT, p.item().id(), p.item().payload())).build();
        notifier.send(notifier.recipients(p.node()), p.node().owner(), items);
    }

    /** XEP-0060 §8.1.2 create, with an optional configure form. */
    void create(EntityBareJid owner, Element create, Element configure) throws PubsubException {
        String name = Pubsub.node(create);
        PubsubNode node = forms.defaults(owner, name);
        DataForm form = configure == null ? null : DataForm.find(configure);
        if (form != null) node = forms.apply(node, form);
        if (store.node(owner, name).isPresent()) throw new PubsubException("conflict", null, "the node exists");
        if (!store.create(node, options.maxNodes())) throw tooManyNodes();
    }

    /** Removes the item and tells who could see it; {@code item-not-found} when node or item is missing. */
    void retract(EntityBareJid owner, Element retract) throws PubsubException {
        String name = Pubsub.node(retract);
        PubsubNode node = store.node(owner, name).orElseThrow(() -> new PubsubException("item-not-found", null, "no such node"));
        Element item = retract.child("item", Pubsub.NS);
        String id = item == null ? null : item.attr("id");
        if (id == null) throw new PubsubException("bad-request", "item-required", "name the item to retract");
        if (!store.retract(owner, name, id)) throw new PubsubException("item-not-found", null, "no such item");
        List<Session> to = notifier.recipients(node);
        notifier.send(to, owner, Element.builder("items", Pubsub.EVENT).attr("node", name)
                .child(Element.builder("retract", Pubsub.EVENT).attr("id", id).build()).build());
    }

    private PubsubNode nodeFor(EntityBareJid owner, String name, Element publishOptions) throws PubsubException {
        DataForm form = publishOptions == null ? null : DataForm.find(publishOptions);
        if (form != null && form.formType() != null && !Pubsub.PUBLISH_OPTIONS.equals(form.formType())) {
            throw new PubsubException("bad-request", "invalid-options", "publish-options need FORM_TYPE " + Pubsub.PUBLISH_OPTIONS);
        }
        PubsubNode existing = store.node(owner, name).orElse(null);
        if (existing != null) {
            if (form != null) forms.checkPreconditions(existing, form);
            return existing;
        }
        PubsubNode created = forms.defaults(owner, name);
        if (form != null) created = forms.applyStrict(created, form);
        if (!store.create(created, options.maxNodes())) {
            // Another resource may have created it meanwhile; otherwise the owner has too many nodes.
            existing = store.node(owner, name).orElseThrow(this::tooManyNodes);
            if (form != null) forms.checkPreconditions(existing, form);
            return existing;
        }
        return created;
    }

    private PubsubException tooManyNodes() {
        return new PubsubException("policy-violation", null, "an account has at most " + options.maxNodes() + " nodes");
    }

    /** A stored publication and its node. */
    record Published(PubsubNode node, PubsubItem item) {
    }
}
