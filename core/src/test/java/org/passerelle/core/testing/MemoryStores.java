package org.passerelle.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.Account;
import org.passerelle.core.store.ArchiveStore;
import org.passerelle.core.store.AccountStore;
import org.passerelle.core.store.KeyValueStore;
import org.passerelle.core.store.OfflineMessage;
import org.passerelle.core.store.OfflineStore;
import org.passerelle.core.store.PubsubStore;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.RosterStore;
import org.passerelle.core.store.Stores;

/** In-memory stores for unit tests of modules (the SQL stores have their own contract tests). */
public final class MemoryStores implements Stores {
    private final Map<EntityBareJid, Account> accounts = new ConcurrentHashMap<>();
    private final Map<EntityBareJid, Map<BareJid, RosterItem>> rosters = new ConcurrentHashMap<>();
    private final Map<EntityBareJid, Long> rosterVersions = new ConcurrentHashMap<>();
    private final Map<EntityBareJid, List<OfflineMessage>> offline = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> kv = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ArchiveStore archiveStore = new MemoryArchiveStore();
    private final MemoryRoomStore roomStore = new MemoryRoomStore();
    private final MemoryChargingStore chargingStore = new MemoryChargingStore();

    private final AccountStore accountStore = new AccountStore() {
        public Optional<Account> find(EntityBareJid jid) { return Optional.ofNullable(accounts.get(jid)); }
        public boolean create(Account a) { return accounts.putIfAbsent(a.jid(), a) == null; }
        public boolean update(Account a) { return accounts.replace(a.jid(), a) != null; }
        public boolean delete(EntityBareJid jid) { return accounts.remove(jid) != null; }
        public List<EntityBareJid> list(String domain, int offset, int limit) {
            return accounts.keySet().stream().filter(j -> j.getDomain().toString().equals(domain))
                    .sorted(Comparator.comparing(Object::toString)).skip(offset).limit(limit).toList();
        }
        public long count(String domain) {
            return accounts.keySet().stream().filter(j -> j.getDomain().toString().equals(domain)).count();
        }
    };

    private final RosterStore rosterStore = new RosterStore() {
        public synchronized List<RosterItem> items(EntityBareJid owner) {
            return List.copyOf(rosters.getOrDefault(owner, Map.of()).values());
        }
        public synchronized Optional<RosterItem> item(EntityBareJid owner, BareJid contact) {
            return Optional.ofNullable(rosters.getOrDefault(owner, Map.of()).get(contact));
        }
        public synchronized long put(EntityBareJid owner, RosterItem item) {
            rosters.computeIfAbsent(owner, k -> new TreeMap<>(Comparator.comparing(Object::toString))).put(item.contact(), item);
            return rosterVersions.merge(owner, 1L, Long::sum);
        }
        public synchronized long remove(EntityBareJid owner, BareJid contact) {
            Map<BareJid, RosterItem> r = rosters.get(owner);
            if (r != null && r.remove(contact) != null) return rosterVersions.merge(owner, 1L, Long::sum);
            return version(owner);
        }
        public synchronized org.passerelle.core.store.RosterChange update(EntityBareJid owner, BareJid contact, int maxItems,
                java.util.function.UnaryOperator<RosterItem> change) {
            RosterItem before = item(owner, contact).orElse(null);
            RosterItem after = change.apply(before);
            if (java.util.Objects.equals(before, after)) return new org.passerelle.core.store.RosterChange(before, before, version(owner), false);
            if (before == null && count(owner) >= maxItems) return new org.passerelle.core.store.RosterChange(null, null, version(owner), true);
            long version = after == null ? remove(owner, contact) : put(owner, after);
            return new org.passerelle.core.store.RosterChange(before, after, version, false);
        }
        public long version(EntityBareJid owner) { return rosterVersions.getOrDefault(owner, 0L); }
        public synchronized int count(EntityBareJid owner) { return rosters.getOrDefault(owner, Map.of()).size(); }
        public synchronized void deleteAll(EntityBareJid owner) { rosters.remove(owner); rosterVersions.remove(owner); }
    };

    private final OfflineStore offlineStore = new OfflineStore() {
        public synchronized boolean store(EntityBareJid owner, OfflineMessage m, int quota,
                List<org.passerelle.core.store.ChargingRecord> charges) {
            List<OfflineMessage> l = offline.computeIfAbsent(owner, k -> new ArrayList<>());
            if (l.size() >= quota) return false;
            if (!charges.isEmpty()) chargingStore.addAll(charges); // first: a failing charging store stores nothing
            l.add(new OfflineMessage(ids.incrementAndGet(), m.stored(), m.stanza()));
            return true;
        }
        public synchronized List<OfflineMessage> list(EntityBareJid owner) { return List.copyOf(offline.getOrDefault(owner, List.of())); }
        public synchronized void delete(EntityBareJid owner, Collection<Long> idsToDelete) {
            List<OfflineMessage> l = offline.get(owner);
            if (l != null) l.removeIf(m -> idsToDelete.contains(m.id()));
        }
        public synchronized int count(EntityBareJid owner) { return offline.getOrDefault(owner, List.of()).size(); }
        public synchronized long total() { return offline.values().stream().mapToLong(List::size).sum(); }
        public synchronized void deleteAll(EntityBareJid owner) { offline.remove(owner); }
    };

    private final KeyValueStore kvStore = new KeyValueStore() {
        private Map<String, String> ns(EntityBareJid owner, String namespace) {
            return kv.computeIfAbsent(owner + "\0" + namespace, k -> new TreeMap<>());
        }
        public synchronized Optional<String> get(EntityBareJid owner, String namespace, String key) {
            return Optional.ofNullable(ns(owner, namespace).get(key));
        }
        public synchronized void put(EntityBareJid owner, String namespace, String key, String value) { ns(owner, namespace).put(key, value); }
        public synchronized boolean delete(EntityBareJid owner, String namespace, String key) { return ns(owner, namespace).remove(key) != null; }
        public synchronized Map<String, String> all(EntityBareJid owner, String namespace) { return Map.copyOf(ns(owner, namespace)); }
        public synchronized void deleteNamespace(EntityBareJid owner, String namespace) { kv.remove(owner + "\0" + namespace); }
        public synchronized void deleteAll(EntityBareJid owner) { kv.keySet().removeIf(k -> k.startsWith(owner + "\0")); }
    };

    private final PubsubStore pubsubStore = new MemoryPubsubStore();
    private final MemoryUploadStore uploadStore = new MemoryUploadStore();
    private final MemoryMailStore mailStore = new MemoryMailStore(chargingStore);
    private final MemorySmsStore smsStore = new MemorySmsStore(chargingStore);

    @Override public AccountStore accounts() { return accountStore; }
    @Override public RosterStore roster() { return rosterStore; }
    @Override public OfflineStore offline() { return offlineStore; }
    @Override public KeyValueStore keyValue() { return kvStore; }
    @Override public ArchiveStore archive() { return archiveStore; }
    @Override public org.passerelle.core.store.RoomStore rooms() { return roomStore; }
    @Override public PubsubStore pubsub() { return pubsubStore; }
    @Override public org.passerelle.core.store.UploadStore uploads() { return uploadStore; }
    @Override public org.passerelle.core.store.MailStore mail() { return mailStore; }
    @Override public org.passerelle.core.store.ChargingStore charging() { return chargingStore; }
    @Override public org.passerelle.core.store.SmsStore sms() { return smsStore; }
    @Override public String description() { return "memory"; }
    @Override public void close() { }
}
