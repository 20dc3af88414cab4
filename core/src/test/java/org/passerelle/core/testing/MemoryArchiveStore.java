package org.passerelle.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jxmpp.jid.BareJid;
import org.passerelle.core.store.ArchiveFilter;
import org.passerelle.core.store.ArchiveIds;
import org.passerelle.core.store.ArchivePage;
import org.passerelle.core.store.ArchiveStore;
import org.passerelle.core.store.ArchivedMessage;

/** {@link ArchiveStore} in memory, for module tests: one sorted map per owner, one lock. */
final class MemoryArchiveStore implements ArchiveStore {
    private final Map<BareJid, NavigableMap<Long, ArchivedMessage>> archives = new HashMap<>();
    private final ArchiveIds ids = new ArchiveIds();

    @Override
    public synchronized ArchivedMessage append(BareJid owner, ArchivedMessage message) {
        long id = ids.next(message.stamp());
        ArchivedMessage stored = message.withId(ArchiveIds.format(id), ArchiveIds.time(id));
        archives.computeIfAbsent(owner, k -> new TreeMap<>()).put(id, stored);
        return stored;
    }

    @Override
    public synchronized List<ArchivedMessage> appendAll(BareJid owner, List<ArchivedMessage> messages) {
        List<ArchivedMessage> out = new ArrayList<>();
        for (ArchivedMessage m : messages) out.add(append(owner, m));
        return out;
    }

    @Override
    public synchronized ArchivePage page(BareJid owner, ArchiveFilter filter, String after, String before, boolean fromEnd, int max) {
        List<ArchivedMessage> matching = new ArrayList<>(select(owner, filter));
        OptionalLong a = after == null ? OptionalLong.of(-1) : ArchiveIds.parse(after);
        OptionalLong b = before == null ? OptionalLong.of(Long.MAX_VALUE) : ArchiveIds.parse(before);
        if (a.isEmpty() || b.isEmpty()) return new ArchivePage(List.of(), true);
        matching.removeIf(m -> id(m) <= a.getAsLong() || id(m) >= b.getAsLong());
        if (matching.size() <= max) return new ArchivePage(matching, true);
        List<ArchivedMessage> page = fromEnd ? matching.subList(matching.size() - max, matching.size()) : matching.subList(0, max);
        return new ArchivePage(page, false);
    }

    @Override
    public synchronized long count(BareJid owner, ArchiveFilter filter) {
        return select(owner, filter).size();
    }

    @Override
    public synchronized boolean contains(BareJid owner, String id) {
        OptionalLong n = ArchiveIds.parse(id);
        return n.isPresent() && archive(owner).containsKey(n.getAsLong());
    }

    @Override
    public synchronized Optional<ArchivedMessage> edge(BareJid owner, boolean newest) {
        NavigableMap<Long, ArchivedMessage> a = archive(owner);
        if (a.isEmpty()) return Optional.empty();
        return Optional.of(newest ? a.lastEntry().getValue() : a.firstEntry().getValue());
    }

    @Override
    public synchronized int deleteBefore(Instant cutoff) {
        int removed = 0;
        for (NavigableMap<Long, ArchivedMessage> a : archives.values()) {
            NavigableMap<Long, ArchivedMessage> old = a.headMap(ArchiveIds.floor(cutoff), false);
            removed += old.size();
            old.clear();
        }
        return removed;
    }

    @Override
    public synchronized int trim(int keep) {
        int removed = 0;
        for (NavigableMap<Long, ArchivedMessage> a : archives.values()) {
            while (a.size() > keep) {
                a.pollFirstEntry();
                removed++;
            }
        }
        return removed;
    }

    @Override
    public synchronized void deleteAll(BareJid owner) {
        archives.remove(owner);
    }

    private NavigableMap<Long, ArchivedMessage> archive(BareJid owner) {
        return archives.getOrDefault(owner, Collections.emptyNavigableMap());
    }

    private List<ArchivedMessage> select(BareJid owner, ArchiveFilter f) {
        Predicate<ArchivedMessage> match = m -> true;
        if (f.with() != null) {
            match = f.with().hasResource() ? m -> m.with().equals(f.with()) : m -> m.with().asBareJid().equals(f.with().asBareJid());
        }
        long low = f.start() == null ? 0 : ArchiveIds.floor(f.start());
        long high = f.end() == null ? Long.MAX_VALUE : ArchiveIds.ceiling(f.end());
        if (f.afterId() != null) low = Math.max(low, ArchiveIds.parse(f.afterId()).orElse(Long.MAX_VALUE - 1) + 1);
        if (f.beforeId() != null) high = Math.min(high, ArchiveIds.parse(f.beforeId()).orElse(0) - 1);
        List<ArchivedMessage> out = new ArrayList<>();
        if (low > high) return out;
        for (ArchivedMessage m : archive(owner).subMap(low, true, high, true).values()) {
            if (match.test(m) && (f.ids().isEmpty() || f.ids().contains(m.id()))) out.add(m);
        }
        return out;
    }

    private static long id(ArchivedMessage m) {
        return ArchiveIds.parse(m.id()).orElseThrow();
    }
}
