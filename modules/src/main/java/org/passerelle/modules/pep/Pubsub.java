package org.passerelle.modules.pep;

import org.passerelle.xml.Element;

/** XEP-0060 namespaces and the small elements every part of the module builds. */
final class Pubsub {
    static final String NS = "http://jabber.org/protocol/pubsub";
    static final String OWNER = NS + "#owner";
    static final String EVENT = NS + "#event";
    static final String ERRORS = NS + "#errors";
    static final String PUBLISH_OPTIONS = NS + "#publish-options";
    static final String NODE_CONFIG = NS + "#node_config";

    private Pubsub() {
    }

    /** {@code <item id='...'>payload</item>} in the given namespace (pubsub or pubsub#event). */
    static Element item(String namespace, String id, Element payload) {
        Element.Builder b = Element.builder("item", namespace).attr("id", id);
        if (payload != null) b.child(payload);
        return b.build();
    }

    /** The node attribute of a request element; {@code nodeid-required} when missing. */
    static String node(Element e) throws PubsubException {
        String node = e.attr("node");
        if (node == null || node.isEmpty()) throw new PubsubException("bad-request", "nodeid-required", "a node is required");
        return node;
    }
}
