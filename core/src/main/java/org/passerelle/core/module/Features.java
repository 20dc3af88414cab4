package org.passerelle.core.module;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.routing.PreAuthIqHandler;
import org.passerelle.xml.Element;

/** The disco features and identities of the running modules, for the server and for accounts. */
public final class Features {
    private final Set<String> server = new TreeSet<>();
    private final Set<String> account = new TreeSet<>();
    private final List<Identity> serverIdentities = new CopyOnWriteArrayList<>();
    private final List<Implements> implemented = new CopyOnWriteArrayList<>();
    private final List<StreamFeature> streamFeatures = new CopyOnWriteArrayList<>();
    private final Map<String, PreAuthIqHandler> preAuthIqs = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.BiConsumer<org.passerelle.core.session.Session, Element>> streamElements =
            new ConcurrentHashMap<>();
    private final DiscoNodes discoNodes = new DiscoNodes();

    public synchronized void addServer(String feature) { server.add(feature); }

    public synchronized void addAccount(String feature) { account.add(feature); }

    public void addIdentity(Identity identity) { serverIdentities.add(identity); }

    synchronized void add(Implements spec) {
        implemented.add(spec);
        for (String f : spec.features()) server.add(f);
        for (String f : spec.accountFeatures()) account.add(f);
    }

    public synchronized Set<String> server() { return Set.copyOf(server); }

    public synchronized Set<String> account() { return Set.copyOf(account); }

    public List<Identity> identities() { return List.copyOf(serverIdentities); }

    public void addStreamFeature(StreamFeature feature) { streamFeatures.add(feature); }

    /** The module-provided stream features for a stream to {@code domain}, before or after authentication. */
    public List<Element> streamFeatures(boolean authenticated, DomainBareJid domain) {
        List<Element> out = new java.util.ArrayList<>();
        for (StreamFeature f : streamFeatures) {
            if (f.beforeAuth() != authenticated) {
                Element e = f.element().apply(domain);
                if (e != null) out.add(e);
            }
        }
        return out;
    }

    /** Takes top-level stream elements in {@code namespace} that are not stanzas (e.g. XEP-0352 CSI). */
    public void addStreamElement(String namespace, java.util.function.BiConsumer<org.passerelle.core.session.Session, Element> handler) {
        if (streamElements.putIfAbsent(namespace, handler) != null) throw new IllegalStateException("two handlers for " + namespace);
    }

    public void removeStreamElement(String namespace) { streamElements.remove(namespace); }

    /** Hands a non-stanza element from a client to its handler; false when nobody handles it. */
    public boolean streamElement(org.passerelle.core.session.Session session, Element element) {
        var handler = streamElements.get(element.namespace());
        if (handler == null) return false;
        handler.accept(session, element);
        return true;
    }

    public void addPreAuthIq(String namespace, PreAuthIqHandler handler) {
        if (preAuthIqs.putIfAbsent(namespace, handler) != null) throw new IllegalStateException("two pre-auth handlers for " + namespace);
    }

    public void removePreAuthIq(String namespace) { preAuthIqs.remove(namespace); }

    /** The handler for an IQ payload namespace on an unauthenticated stream, or null. */
    public PreAuthIqHandler preAuthIq(String namespace) { return preAuthIqs.get(namespace); }

    /** The disco nodes modules answer on hosted domains (ad-hoc commands, ...). */
    public DiscoNodes discoNodes() { return discoNodes; }

    /** Every specification the running modules implement. */
    public List<Implements> implemented() { return List.copyOf(implemented); }
}
