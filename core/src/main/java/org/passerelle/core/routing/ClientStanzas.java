package org.passerelle.core.routing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.Jid;
import org.passerelle.core.metrics.Metrics;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaErrors;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.stanza.StanzaKind;
import org.passerelle.xml.Element;

/**
 * The way in for stanzas from an authenticated client, whatever its transport: parse, enforce
 * the sender's address, apply RFC 6120 §10.3 defaults for a missing {@code to}, run the inbound
 * interceptors, route. Called on the session's own serial worker, never on an I/O thread.
 */
public final class ClientStanzas {
    /** One client stanza in this many is timed (a power of two). */
    static final int ROUTING_SAMPLE = 16;

    private final Router router;
    private final Hooks hooks;
    private final Metrics metrics;

    public ClientStanzas(Router router, Hooks hooks, Metrics metrics) {
        this.router = router;
        this.hooks = hooks;
        this.metrics = metrics;
    }

    /**
     * Processes one top-level element from the client's stream. A stanza that cannot be parsed
     * is answered with an error; a forged {@code from} ends the stream ({@code invalid-from}).
     */
    public void process(Session sender, Element element) throws StreamErrorException {
        if (StanzaKind.of(element.name()) == null || !Namespaces.CLIENT.equals(element.namespace())) {
            throw new StreamErrorException("unsupported-stanza-type", "unknown element " + element.name());
        }
        checkFrom(sender, element.attr("from"));
        // A timer record costs more than a route's counters: time one stanza in ROUTING_SAMPLE.
        boolean timed = (ThreadLocalRandom.current().nextInt() & (ROUTING_SAMPLE - 1)) == 0;
        long start = timed ? System.nanoTime() : 0;
        Stanza stanza;
        try {
            // 'from' is absent or the sender's own JID now: one copy stamps it.
            stanza = Stanza.parse(element).withFrom(sender.jid());
            metrics.stanzaIn(stanza.kind());
        } catch (StanzaException e) {
            replyUnparsed(sender, element, e);
            return;
        }
        if (stanza.to() == null && !stanza.isPresence()) {
            // RFC 6120 §10.3: no 'to' means the sender's own account.
            stanza = stanza.withTo(sender.bareJid());
        }
        try {
            for (InboundInterceptor i : hooks.inbound()) {
                stanza = i.intercept(sender, stanza);
                if (stanza == null) return;
            }
        } catch (StanzaException e) {
            router.bounce(stanza, e.condition(), e.getMessage());
            return;
        }
        router.route(stanza);
        // From parse to the end of routing: what a client waits for before its stanza is handed on.
        if (timed) metrics.routing().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** RFC 6120 §8.1.2.1: a client may only name its own full or bare JID as 'from'. */
    private static void checkFrom(Session sender, String from) throws StreamErrorException {
        if (from == null) return;
        Jid claimed;
        try {
            claimed = org.passerelle.core.stanza.Jids.parse(from);
        } catch (StanzaException e) {
            throw new StreamErrorException("invalid-from", "malformed 'from'");
        }
        if (!claimed.equals(sender.jid()) && !claimed.equals(sender.bareJid())) {
            throw new StreamErrorException("invalid-from", "'from' is not the sender");
        }
    }

    private static void replyUnparsed(Session sender, Element element, StanzaException e) {
        if ("error".equals(element.attr("type"))) return;
        Element reply = Element.builder(element.name(), Namespaces.CLIENT).attr("type", "error")
                .attr("id", element.attr("id")).attr("to", sender.jid().toString())
                .child(StanzaErrors.errorElement(e.condition(), e.getMessage())).build();
        sender.deliver(Stanza.of(reply, null, sender.jid()));
    }
}
