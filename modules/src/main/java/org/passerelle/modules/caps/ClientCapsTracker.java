package org.passerelle.modules.caps;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.passerelle.core.event.CapsKnown;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.ClientCaps;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.util.BoundedCache;
import org.passerelle.xml.Element;

/**
 * Learns what local clients support from the {@code <c/>} in their broadcast presence (XEP-0115
 * §6.3): a {@code ver} seen before is looked up in a bounded cache; a new one is asked for with
 * disco#info to {@code node#ver} and kept only if its SHA-1 matches, so one client cannot poison
 * the cache for others. The result goes on the session and out as {@link CapsKnown}.
 */
final class ClientCapsTracker {
    private static final int CACHE_SIZE = 2_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ServerContext server;
    private final BoundedCache<String, Set<String>> verified = new BoundedCache<>(CACHE_SIZE);

    ClientCapsTracker(ServerContext server) {
        this.server = server;
    }

    /** An inbound interceptor: looks at broadcast available presence, lets every stanza through. */
    Stanza intercept(Session sender, Stanza stanza) {
        if (!stanza.isPresence() || stanza.type() != null || stanza.to() != null) return stanza;
        Element c = stanza.element().child("c", CapsModule.NS);
        if (c == null || !"sha-1".equals(c.attr("hash")) || c.attr("ver") == null || c.attr("node") == null) return stanza;
        String ver = c.attr("ver");
        ClientCaps current = sender.get(ClientCaps.KEY);
        if (current != null && current.ver().equals(ver)) return stanza;
        Set<String> features = verified.get(ver);
        if (features != null) learned(sender, ver, features);
        else ask(sender, c.attr("node") + "#" + ver, ver);
        return stanza;
    }

    private void ask(Session session, String node, String ver) {
        String id = server.iqTracker().nextId();
        Element iq = Element.builder("iq", Namespaces.CLIENT).attr("type", "get").attr("id", id)
                .child(Element.builder("query", Namespaces.DISCO_INFO).attr("node", node).build()).build();
        CompletableFuture<Stanza> answer = server.iqTracker().expect(id, TIMEOUT);
        answer.thenAccept(a -> answered(session, ver, a));
        server.router().deliver(session, Stanza.of(iq, session.jid().asDomainBareJid(), session.jid()));
    }

    private void answered(Session session, String ver, Stanza answer) {
        if (!"result".equals(answer.type())) return;
        Element query = answer.element().child("query", Namespaces.DISCO_INFO);
        if (query == null || !ver.equals(VerificationString.sha1(query))) return;
        Set<String> features = new TreeSet<>();
        for (Element f : query.children("feature", Namespaces.DISCO_INFO)) {
            if (f.attr("var") != null) features.add(f.attr("var"));
        }
        verified.put(ver, Set.copyOf(features));
        learned(session, ver, features);
    }

    private void learned(Session session, String ver, Set<String> features) {
        ClientCaps previous = session.get(ClientCaps.KEY);
        ClientCaps caps = new ClientCaps(ver, features);
        session.set(ClientCaps.KEY, caps);
        server.events().publish(new CapsKnown(session, previous, caps));
    }
}
