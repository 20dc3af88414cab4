package org.passerelle.xmpp.c2s;

import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.auth.Scram;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.StanzaErrors;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/**
 * RFC 6120 §7 resource binding: a client-chosen resource (normalised; an existing session with
 * the same resource is replaced, the newer wins) or one the server generates.
 */
final class ResourceBinding {
    private ResourceBinding() {
    }

    static void bind(C2sStreamHandler h, Element iq, Element bind) {
        String requested = bind.childText("resource", Namespaces.BIND);
        EntityFullJid jid;
        try {
            jid = fullJid(h, requested == null || requested.isBlank() ? generated() : requested.strip());
        } catch (StanzaException e) {
            h.write(error(iq, "bad-request", "invalid resource"));
            return;
        }
        C2sSession session = new C2sSession(jid, h.remote(), h.channel(), new SerialExecutor(h.c2s().server().workers()),
                h.c2s().server().config().streamManagement().maxUnacked());
        h.activate(session);
        Element result = Element.builder("iq", Namespaces.CLIENT).attr("type", "result").attr("id", iq.attr("id"))
                .child(Element.builder("bind", Namespaces.BIND).textChild("jid", Namespaces.BIND, jid.toString()).build())
                .build();
        // Registered on the session's worker, before any of its stanzas, so the order holds.
        session.worker.execute(() -> {
            h.lifecycle().start(session);
            h.write(result);
        });
    }

    private static EntityFullJid fullJid(C2sStreamHandler h, String resource) throws StanzaException {
        Jid jid = Jids.parse(h.account() + "/" + resource);
        EntityFullJid full = jid.asEntityFullJidIfPossible();
        if (full == null) throw new StanzaException("bad-request", "invalid resource");
        return full;
    }

    private static String generated() {
        return "p-" + Scram.nonce().substring(0, 12);
    }

    static Element error(Element iq, String condition, String text) {
        return Element.builder("iq", Namespaces.CLIENT).attr("type", "error").attr("id", iq.attr("id"))
                .child(StanzaErrors.errorElement(condition, text)).build();
    }
}
