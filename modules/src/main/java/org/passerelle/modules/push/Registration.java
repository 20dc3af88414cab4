package org.passerelle.modules.push;

import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlFragment;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;

/**
 * One app server a client of the account enabled (XEP-0357 §5): where to publish ({@code jid},
 * {@code node}), the publish-options form to send back with each publish, whether the client
 * asked for the message text, and the resource of the client that enabled it.
 */
record Registration(Jid jid, String node, String resource, Element publishOptions, boolean includeBody) {
    static final String PUBLISH_OPTIONS = "http://jabber.org/protocol/pubsub#publish-options";
    /** Our own field in the publish-options form: the client wants the text; never passed on to the app server. */
    static final String INCLUDE_BODY = "include-body";
    private static final int MAX_FORM_CHARS = 8192;

    /** Reads an {@code <enable/>} from the client whose resource is given. */
    static Registration enable(Element enable, String resource) throws StanzaException {
        Jid jid = appServer(enable);
        String node = enable.attr("node");
        if (node == null || node.isEmpty()) throw new StanzaException("bad-request", "enable needs a node");
        Element x = enable.child("x", DataForm.NS);
        if (x == null) return new Registration(jid, node, resource, null, false);
        DataForm form = DataForm.parse(x);
        if (!PUBLISH_OPTIONS.equals(form.formType())) throw new StanzaException("bad-request", "the form must be " + PUBLISH_OPTIONS);
        if (x.toString().length() > MAX_FORM_CHARS) throw new StanzaException("not-acceptable", "publish-options form too large");
        String include = form.value(INCLUDE_BODY);
        boolean includeBody = "true".equals(include) || "1".equals(include);
        Element kept = x.mapElements(f -> f.is("field", DataForm.NS) && INCLUDE_BODY.equals(f.attr("var")) ? null : f);
        return new Registration(jid, node, resource, kept.withAttr("type", "submit"), includeBody);
    }

    /** The {@code jid} of an enable or disable: required. */
    static Jid appServer(Element op) throws StanzaException {
        if (op.attr("jid") == null) throw new StanzaException("bad-request", op.name() + " needs the app server's jid");
        return Jids.parse(op.attr("jid"));
    }

    /** The store key: no JID contains a line break (PRECIS forbids control characters), so it splits unambiguously. */
    String key() {
        return jid + "\n" + node;
    }

    boolean sameClient(String otherResource) {
        return resource != null && resource.equals(otherResource);
    }

    String encode() {
        Element.Builder b = Element.builder("enable", PushModule.NS).attr("jid", jid.toString()).attr("node", node)
                .attr("resource", resource).attr(INCLUDE_BODY, includeBody ? "true" : null);
        if (publishOptions != null) b.child(publishOptions);
        return b.build().toString();
    }

    static Registration decode(String xml) {
        try {
            Element e = XmlFragment.parse(xml, XmlLimits.DEFAULT);
            return new Registration(Jids.of(e.attr("jid")), e.attr("node"), e.attr("resource"), e.child("x", DataForm.NS),
                    "true".equals(e.attr(INCLUDE_BODY)));
        } catch (XmlStreamException e) {
            throw new IllegalStateException("stored push registration does not parse: " + e.getMessage(), e);
        }
    }
}
