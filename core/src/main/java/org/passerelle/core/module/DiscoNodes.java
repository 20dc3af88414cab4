package org.passerelle.core.module;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/**
 * The disco nodes modules registered on hosted domains, by node name, and their answers as
 * {@code <query/>} elements. The disco module hands a disco#info or disco#items request with a
 * {@code node} attribute to {@link #info} or {@link #items}; modules never answer disco IQs
 * themselves, so two modules never compete for the disco namespaces.
 */
public final class DiscoNodes {
    private final Map<String, DiscoNode> nodes = new ConcurrentHashMap<>();

    /** Adds the node; returns what removes it again. Two modules cannot own the same node. */
    public Runnable add(String node, DiscoNode handler) {
        if (node == null || node.isEmpty()) throw new IllegalArgumentException("a disco node needs a name");
        if (nodes.putIfAbsent(node, handler) != null) throw new IllegalStateException("two handlers for disco node " + node);
        return () -> nodes.remove(node, handler);
    }

    /** The handler of a node, or null. */
    public DiscoNode get(String node) {
        return nodes.get(node);
    }

    /** Every registered node, for modules that act on a kind of node (the ad-hoc commands). */
    public Map<String, DiscoNode> all() {
        return Map.copyOf(nodes);
    }

    /** The disco#info {@code <query node=.../>} for the requester; {@code item-not-found} for an unknown node. */
    public Element info(String node, Jid requester, DomainBareJid domain) throws StanzaException {
        DiscoNode.Info info = handler(node).info(requester, domain);
        Element.Builder q = Element.builder("query", Namespaces.DISCO_INFO).attr("node", node);
        for (Identity i : info.identities()) {
            q.child(Element.builder("identity", Namespaces.DISCO_INFO).attr("category", i.category())
                    .attr("type", i.type()).attr("name", i.name()).build());
        }
        for (String f : info.features()) q.child(Element.builder("feature", Namespaces.DISCO_INFO).attr("var", f).build());
        return q.build();
    }

    /** The disco#items {@code <query node=.../>} for the requester; {@code item-not-found} for an unknown node. */
    public Element items(String node, Jid requester, DomainBareJid domain) throws StanzaException {
        Element.Builder q = Element.builder("query", Namespaces.DISCO_ITEMS).attr("node", node);
        for (DiscoNode.Item i : handler(node).items(requester, domain)) {
            q.child(Element.builder("item", Namespaces.DISCO_ITEMS).attr("jid", i.jid().toString())
                    .attr("node", i.node()).attr("name", i.name()).build());
        }
        return q.build();
    }

    private DiscoNode handler(String node) throws StanzaException {
        DiscoNode h = node == null ? null : nodes.get(node);
        if (h == null) throw new StanzaException("item-not-found", "no such node");
        return h;
    }
}
