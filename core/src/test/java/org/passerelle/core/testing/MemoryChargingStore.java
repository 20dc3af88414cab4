package org.passerelle.core.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingStore;
import org.passerelle.core.store.ChargingSubscription;
import org.passerelle.core.store.ChargingTotal;

/** {@link ChargingStore} in memory, for module tests; one lock for everything. */
final class MemoryChargingStore implements ChargingStore {
    private final List<ChargingRecord> records = new ArrayList<>();
    private final Map<String, ChargingSubscription> subscriptions = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized ChargingRecord add(ChargingRecord record) {
        addAll(List.of(record));
        return records.getLast();
    }

    @Override
    public synchronized void addAll(List<ChargingRecord> added) {
        List<ChargingRecord> stored = new ArrayList<>(added.size());
        for (ChargingRecord r : added) {
            // As the SQL stores give it back: millionths.
            stored.add(new ChargingRecord(++lastId, r.at(), r.user(), r.peer(), r.channel(), r.direction(), r.unit(),
                    r.quantity(), r.amount().setScale(AMOUNT_SCALE), r.currency(), r.tariffItem()));
        }
        records.addAll(stored);
    }

    @Override
    public synchronized List<ChargingRecord> records(EntityBareJid user, Instant from, Instant to, long afterId, int limit) {
        return records.stream().filter(r -> r.id() > afterId && in(r, user, from, to)).limit(limit).toList();
    }

    @Override
    public synchronized List<ChargingTotal> totals(EntityBareJid user, Instant from, Instant to) {
        Map<List<String>, ChargingTotal> sums = new LinkedHashMap<>();
        for (ChargingRecord r : records) {
            if (!in(r, user, from, to)) continue;
            List<String> key = List.of(r.user().toString(), r.channel(), r.direction(), r.unit(), r.currency());
            ChargingTotal t = sums.get(key);
            sums.put(key, t == null
                    ? new ChargingTotal(r.user(), r.channel(), r.direction(), r.unit(), r.currency(), 1, r.quantity(), r.amount())
                    : new ChargingTotal(r.user(), r.channel(), r.direction(), r.unit(), r.currency(), t.records() + 1,
                            t.quantity() + r.quantity(), t.amount().add(r.amount())));
        }
        Comparator<ChargingTotal> order = Comparator.comparing((ChargingTotal t) -> t.user().toString())
                .thenComparing(ChargingTotal::channel).thenComparing(ChargingTotal::direction)
                .thenComparing(ChargingTotal::unit).thenComparing(ChargingTotal::currency);
        return sums.values().stream().map(MemoryChargingStore::scaled).sorted(order).toList();
    }

    private static ChargingTotal scaled(ChargingTotal t) {
        BigDecimal a = t.amount().setScale(AMOUNT_SCALE);
        return new ChargingTotal(t.user(), t.channel(), t.direction(), t.unit(), t.currency(), t.records(), t.quantity(), a);
    }

    private static boolean in(ChargingRecord r, EntityBareJid user, Instant from, Instant to) {
        return (user == null || r.user().equals(user)) && !r.at().isBefore(from) && r.at().isBefore(to);
    }

    @Override
    public synchronized boolean subscribe(EntityBareJid user, String item, LocalDate since) {
        return subscriptions.putIfAbsent(key(user, item), new ChargingSubscription(user, item, since, null)) == null;
    }

    @Override
    public synchronized boolean unsubscribe(EntityBareJid user, String item) {
        return subscriptions.remove(key(user, item)) != null;
    }

    @Override
    public synchronized void unsubscribeAll(EntityBareJid user) {
        subscriptions.values().removeIf(s -> s.user().equals(user));
    }

    @Override
    public synchronized List<ChargingSubscription> subscriptions(EntityBareJid user) {
        return subscriptions.values().stream().filter(s -> user == null || s.user().equals(user)).toList();
    }

    @Override
    public synchronized boolean chargeDay(ChargingRecord record, String item, LocalDate day) {
        ChargingSubscription s = subscriptions.get(key(record.user(), item));
        if (s == null || (s.chargedThrough() != null && !s.chargedThrough().isBefore(day))) return false;
        subscriptions.put(key(record.user(), item), new ChargingSubscription(s.user(), item, s.since(), day));
        add(record);
        return true;
    }

    private static String key(EntityBareJid user, String item) {
        return user + "\0" + item;
    }
}
