package org.passerelle.core.module;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.DomainBareJid;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.passerelle.core.routing.PreAuthIqHandler;
import org.passerelle.core.session.Session;
import org.passerelle.xml.Element;

/** The disco features and identities of the running modules, for the server and for accounts. */
public final class Features {
    private final Set<String> server = new TreeSet<>();
    private final Set<String> account = new TreeSet<>();
    private final Set<String> room = new TreeSet<>();
    private final List<Identity> serverIdentities = new CopyOnWriteArrayList<>();
    private final List<Identity> accountIdentities = new CopyOnWriteArrayList<>();
    private final List<AccountNodeInfo> accountNodes = new CopyOnWriteArrayList<>();
    private final List<Implements> implemented = new CopyOnWriteArrayList<>();
    private final List<StreamFeature> streamFeatures = new CopyOnWriteArrayList<>();
    private final Map<String, PreAuthIqHandler> preAuthIqs = new ConcurrentHashMap<>();
    private final DiscoNodes discoNodes = new DiscoNodes();
    private final List<DiscoItem> items = new CopyOnWriteArrayList<>();
    private final List<Element> forms = new CopyOnWriteArrayList<>();
    private final List<Supplier<String>> infoNodes = new CopyOnWriteArrayList<>();
    private final Map<String, BiConsumer<Session, Element>> streamElements = new ConcurrentHashMap<>();

    public synchronized void addServer(String feature) { server.add(feature); }

    public synchronized void addAccount(String feature) { account.add(feature); }

    public void addIdentity(Identity identity) { serverIdentities.add(identity); }

    /** An identity in disco#info of each account's bare JID, besides account/registered (XEP-0163: pubsub/pep). */
    public void addAccountIdentity(Identity identity) { accountIdentities.add(identity); }

    public void removeAccountIdentity(Identity identity) { accountIdentities.remove(identity); }

    public List<Identity> accountIdentities() { return List.copyOf(accountIdentities); }

    /** Adds an answerer for disco#info on nodes of accounts; returns what removes it. */
    public Runnable addAccountNodeInfo(AccountNodeInfo answerer) {
        accountNodes.add(answerer);
        return () -> accountNodes.remove(answerer);
    }

    public List<AccountNodeInfo> accountNodeInfos() { return List.copyOf(accountNodes); }

    synchronized void add(Implements spec) {
        implemented.add(spec);
        for (String f : spec.features()) server.add(f);
        for (String f : spec.accountFeatures()) account.add(f);
        for (String f : spec.roomFeatures()) room.add(f);
    }

    public synchronized Set<String> server() { return Set.copyOf(server); }

    public synchronized Set<String> account() { return Set.copyOf(account); }

    /** Features other modules give every chat room (XEP-0045 rooms list them in their disco#info). */
    public synchronized Set<String> room() { return Set.copyOf(room); }

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

    public void addItem(DiscoItem item) { items.add(item); }

    public void removeItem(DiscoItem item) { items.remove(item); }

    /** The disco#items of each hosted domain. */
    public List<DiscoItem> items() { return List.copyOf(items); }

    public void addForm(Element form) { forms.add(form); }

    public void removeForm(Element form) { forms.remove(form); }

    /** XEP-0128 extended info forms ({@code jabber:x:data}, type result) in disco#info of each hosted domain. */
    public List<Element> forms() { return List.copyOf(forms); }

    public void addInfoNode(Supplier<String> node) { infoNodes.add(node); }

    public void removeInfoNode(Supplier<String> node) { infoNodes.remove(node); }

    /** True for a disco#info node answered with the server's own info (XEP-0115: {@code node#ver}). */
    public boolean isInfoNode(String node) {
        for (Supplier<String> s : infoNodes) if (node.equals(s.get())) return true;
        return false;
    }

    public void addStreamElement(String namespace, BiConsumer<Session, Element> handler) {
        if (streamElements.putIfAbsent(namespace, handler) != null) throw new IllegalStateException("two handlers for " + namespace);
    }

    public void removeStreamElement(String namespace) { streamElements.remove(namespace); }

    /**
     * The handler for a top-level element that is not a stanza (XEP-0352 {@code <active/>}) in this
     * namespace from an authenticated client, or null: then the frontend ends the stream with
     * {@code unsupported-stanza-type}. Frontends call it on the session's serial worker, in stream order.
     */
    public BiConsumer<Session, Element> streamElement(String namespace) { return streamElements.get(namespace); }
}
