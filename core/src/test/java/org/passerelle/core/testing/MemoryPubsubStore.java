package org.passerelle.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.PubsubItem;
import org.passerelle.core.store.PubsubNode;
import org.passerelle.core.store.PubsubStore;

/** {@link PubsubStore} in memory for module tests; items of a node in publication order, oldest first. */
final class MemoryPubsubStore implements PubsubStore {
    private final Map<EntityBareJid, Map<String, PubsubNode>> nodes = new LinkedHashMap<>();
    private final Map<String, LinkedHashMap<String, PubsubItem>> items = new LinkedHashMap<>();

    private static String key(EntityBareJid owner, String name) {
        return owner + "\0" + name;
    }

    public synchronized Optional<PubsubNode> node(EntityBareJid owner, String name) {
        return Optional.ofNullable(nodes.getOrDefault(owner, Map.of()).get(name));
    }

    public synchronized List<PubsubNode> nodes(EntityBareJid owner) {
        return List.copyOf(nodes.getOrDefault(owner, Map.of()).values());
    }

    public synchronized boolean create(PubsubNode node, int maxNodes) {
        Map<String, PubsubNode> mine = nodes.computeIfAbsent(node.owner(), k -> new TreeMap<>());
        if (mine.containsKey(node.name()) || mine.size() >= maxNodes) return false;
        mine.put(node.name(), node);
        return true;
    }

    public synchronized boolean configure(PubsubNode node) {
        Map<String, PubsubNode> mine = nodes.get(node.owner());
        if (mine == null || !mine.containsKey(node.name())) return false;
        mine.put(node.name(), node);
        trim(items.get(key(node.owner(), node.name())), node.persistItems() ? node.maxItems() : 0);
        return true;
    }

    public synchronized boolean delete(EntityBareJid owner, String name) {
        items.remove(key(owner, name));
        Map<String, PubsubNode> mine = nodes.get(owner);
        return mine != null && mine.remove(name) != null;
    }

    public synchronized void publish(EntityBareJid owner, String name, PubsubItem item, int maxItems) {
        if (node(owner, name).isEmpty()) throw new IllegalStateException("no node " + name);
        LinkedHashMap<String, PubsubItem> l = items.computeIfAbsent(key(owner, name), k -> new LinkedHashMap<>());
        l.remove(item.id());
        l.put(item.id(), item);
        trim(l, maxItems);
    }

    private static void trim(LinkedHashMap<String, PubsubItem> l, int max) {
        if (l == null) return;
        while (l.size() > max) l.remove(l.keySet().iterator().next());
    }

    public synchronized boolean retract(EntityBareJid owner, String name, String itemId) {
        LinkedHashMap<String, PubsubItem> l = items.get(key(owner, name));
        return l != null && l.remove(itemId) != null;
    }

    public synchronized List<PubsubItem> items(EntityBareJid owner, String name, int max) {
        List<PubsubItem> all = new ArrayList<>(items.getOrDefault(key(owner, name), new LinkedHashMap<>()).values());
        List<PubsubItem> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < max; i--) out.add(all.get(i));
        return out;
    }

    public synchronized Optional<PubsubItem> item(EntityBareJid owner, String name, String itemId) {
        return Optional.ofNullable(items.getOrDefault(key(owner, name), new LinkedHashMap<>()).get(itemId));
    }

    public synchronized void deleteAll(EntityBareJid owner) {
        nodes.remove(owner);
        items.keySet().removeIf(k -> k.startsWith(owner + "\0"));
    }
}
