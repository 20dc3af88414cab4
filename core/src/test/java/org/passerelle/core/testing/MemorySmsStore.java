package org.passerelle.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.SmsLink;
import org.passerelle.core.store.SmsMoPart;
import org.passerelle.core.store.SmsMoText;
import org.passerelle.core.store.SmsOutgoing;
import org.passerelle.core.store.SmsStore;

/** {@link SmsStore} in memory, one lock for all; charging records go to the shared charging store. */
final class MemorySmsStore implements SmsStore {
    private final MemoryChargingStore charging;
    private final Map<EntityBareJid, SmsLink> links = new HashMap<>();
    private final Set<EntityBareJid> onMobile = new HashSet<>();
    private final Map<EntityBareJid, TreeMap<Integer, String>> contacts = new HashMap<>();
    private final Map<String, EntityBareJid> lastWriters = new HashMap<>();
    private final Map<Long, SmsOutgoing> outbox = new LinkedHashMap<>();
    private final Map<String, Long> parts = new HashMap<>();
    private final Map<String, Instant> seen = new HashMap<>();
    private final Map<SmsMoText, TreeMap<Integer, SmsMoPart>> moParts = new HashMap<>();
    private long nextId = 1;

    MemorySmsStore(MemoryChargingStore charging) {
        this.charging = charging;
    }

    @Override
    public synchronized boolean link(SmsLink link) {
        Optional<SmsLink> holder = linkOfPhone(link.phone());
        if (holder.isPresent() && !holder.get().account().equals(link.account())) return false;
        SmsLink before = links.put(link.account(), link);
        if (before == null || !before.phone().equals(link.phone())) onMobile.remove(link.account());
        return true;
    }

    @Override
    public synchronized boolean setOnMobile(EntityBareJid account, boolean on) {
        if (!links.containsKey(account)) return false;
        if (on) onMobile.add(account);
        else onMobile.remove(account);
        return true;
    }

    @Override
    public synchronized List<EntityBareJid> onMobile() {
        return onMobile.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }

    @Override public synchronized Optional<SmsLink> linkOf(EntityBareJid account) { return Optional.ofNullable(links.get(account)); }

    @Override
    public synchronized Optional<SmsLink> linkOfPhone(String phone) {
        return links.values().stream().filter(l -> l.phone().equals(phone)).findFirst();
    }

    @Override
    public synchronized boolean setForwarding(EntityBareJid account, String forwarding) {
        SmsLink l = links.get(account);
        if (l == null) return false;
        links.put(account, new SmsLink(account, l.phone(), forwarding));
        return true;
    }

    @Override
    public synchronized boolean unlink(EntityBareJid account) {
        onMobile.remove(account);
        return links.remove(account) != null;
    }

    @Override
    public synchronized int contactNumber(EntityBareJid account, String contact) {
        TreeMap<Integer, String> c = contacts.computeIfAbsent(account, k -> new TreeMap<>());
        for (Map.Entry<Integer, String> e : c.entrySet()) if (e.getValue().equals(contact)) return e.getKey();
        int n = c.isEmpty() ? 1 : c.lastKey() + 1;
        c.put(n, contact);
        return n;
    }

    @Override
    public synchronized Optional<String> contact(EntityBareJid account, int number) {
        return Optional.ofNullable(contacts.getOrDefault(account, new TreeMap<>()).get(number));
    }

    @Override
    public synchronized Map<Integer, String> contacts(EntityBareJid account) {
        return new TreeMap<>(contacts.getOrDefault(account, new TreeMap<>()));
    }

    @Override
    public synchronized boolean removeContact(EntityBareJid account, int number) {
        TreeMap<Integer, String> c = contacts.get(account);
        return c != null && c.remove(number) != null;
    }

    @Override public synchronized void setLastWriter(String phone, EntityBareJid account) { lastWriters.put(phone, account); }

    @Override public synchronized Optional<EntityBareJid> lastWriter(String phone) { return Optional.ofNullable(lastWriters.get(phone)); }

    @Override
    public synchronized SmsOutgoing enqueue(SmsOutgoing sms) {
        SmsOutgoing s = new SmsOutgoing(nextId++, sms.account(), sms.phone(), sms.text(), sms.receiptTo(), sms.receiptId(),
                SmsOutgoing.Status.PENDING, 0, sms.nextAttempt(), sms.created());
        outbox.put(s.id(), s);
        return s;
    }

    @Override public synchronized Optional<SmsOutgoing> outgoing(long id) { return Optional.ofNullable(outbox.get(id)); }

    @Override
    public synchronized List<SmsOutgoing> due(Instant now, int limit) {
        return outbox.values().stream().filter(s -> s.status() == SmsOutgoing.Status.PENDING && !s.nextAttempt().isAfter(now))
                .sorted(Comparator.comparingLong(SmsOutgoing::id)).limit(limit).toList();
    }

    @Override
    public synchronized boolean markSent(long id, List<String> smscMessageIds, List<ChargingRecord> charges) {
        SmsOutgoing s = outbox.get(id);
        if (s == null || s.status() != SmsOutgoing.Status.PENDING) return false;
        if (!charges.isEmpty()) charging.addAll(charges); // first: a record that fails leaves the SMS pending
        outbox.put(id, with(s, SmsOutgoing.Status.SENT, s.attempts(), s.nextAttempt(), s.receiptTo(), s.receiptId()));
        for (String m : smscMessageIds) parts.put(m, id);
        return true;
    }

    @Override
    public synchronized void retryLater(long id, Instant next) {
        SmsOutgoing s = outbox.get(id);
        if (s != null) outbox.put(id, with(s, s.status(), s.attempts() + 1, next, s.receiptTo(), s.receiptId()));
    }

    @Override
    public synchronized void markFailed(long id) {
        SmsOutgoing s = outbox.get(id);
        if (s != null) outbox.put(id, with(s, SmsOutgoing.Status.FAILED, s.attempts() + 1, s.nextAttempt(), s.receiptTo(), s.receiptId()));
    }

    @Override
    public synchronized Optional<SmsOutgoing> takeReceipt(String smscMessageId) {
        Long id = parts.get(smscMessageId);
        SmsOutgoing s = id == null ? null : outbox.get(id);
        if (s == null || s.receiptTo() == null) return Optional.empty();
        outbox.put(id, with(s, s.status(), s.attempts(), s.nextAttempt(), null, null));
        return Optional.of(s);
    }

    @Override public synchronized boolean seen(String key) { return seen.containsKey(key); }

    @Override
    public synchronized boolean firstSeen(String key, Instant at, List<ChargingRecord> charges, SmsMoText completed) {
        if (seen.containsKey(key)) return false;
        if (!charges.isEmpty()) charging.addAll(charges); // first: a record that fails stores no key and keeps the parts
        seen.put(key, at);
        if (completed != null) moParts.remove(completed);
        return true;
    }

    @Override
    public synchronized List<SmsMoPart> addMoPart(SmsMoPart part) {
        moParts.computeIfAbsent(part.text(), t -> new TreeMap<>()).putIfAbsent(part.sequence(), part);
        return moParts(part.text());
    }

    @Override
    public synchronized List<SmsMoPart> moParts(SmsMoText text) {
        return List.copyOf(moParts.getOrDefault(text, new TreeMap<>()).values());
    }

    @Override public synchronized int moTextsWaiting() { return moParts.size(); }

    @Override public synchronized void deleteMoParts(SmsMoText text) { moParts.remove(text); }

    @Override
    public synchronized int deleteMoPartsBefore(Instant incompleteBefore, Instant completeBefore) {
        int gone = 0;
        for (var it = moParts.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            TreeMap<Integer, SmsMoPart> p = e.getValue();
            Instant before = p.size() < e.getKey().total() ? incompleteBefore : completeBefore;
            if (p.values().stream().allMatch(x -> x.received().isBefore(before))) {
                gone += p.size();
                it.remove();
            }
        }
        return gone;
    }

    @Override
    public synchronized int deleteSeenBefore(Instant before) {
        int n = seen.size();
        seen.values().removeIf(t -> t.isBefore(before));
        return n - seen.size();
    }

    @Override
    public synchronized void deleteAll(EntityBareJid account) {
        onMobile.remove(account);
        links.remove(account);
        contacts.remove(account);
        lastWriters.values().removeIf(account::equals);
        List<Long> gone = new ArrayList<>();
        outbox.values().removeIf(s -> s.account().equals(account) && gone.add(s.id()));
        parts.values().removeIf(gone::contains);
    }

    private static SmsOutgoing with(SmsOutgoing s, SmsOutgoing.Status status, int attempts, Instant next, String receiptTo, String receiptId) {
        return new SmsOutgoing(s.id(), s.account(), s.phone(), s.text(), receiptTo, receiptId, status, attempts, next, s.created());
    }
}
