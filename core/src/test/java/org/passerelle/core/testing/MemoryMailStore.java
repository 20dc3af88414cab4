package org.passerelle.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingStore;
import org.passerelle.core.store.MailStore;
import org.passerelle.core.store.MailSubscription;
import org.passerelle.core.store.PendingMail;
import org.passerelle.core.store.ReplyToken;

/**
 * {@link MailStore} in memory, for module tests; one lock for everything. Charging records go to
 * the shared charging store, written first: a failing charging store changes nothing here.
 */
final class MemoryMailStore implements MailStore {
    private final ChargingStore charging;
    private final Map<EntityBareJid, MailSubscription> subscriptions = new HashMap<>();
    private final List<PendingMail> pending = new ArrayList<>();
    private final java.util.Set<Long> mailing = new java.util.HashSet<>();
    private final Map<String, ReplyToken> tokens = new LinkedHashMap<>();
    private final Map<String, SeenReply> repliesSeen = new HashMap<>();
    private long ids;

    private record SeenReply(EntityBareJid user, Instant at) {
    }

    MemoryMailStore(ChargingStore charging) {
        this.charging = charging;
    }

    @Override
    public synchronized Optional<MailSubscription> subscription(EntityBareJid user) {
        return Optional.ofNullable(subscriptions.get(user));
    }

    @Override
    public synchronized void saveSubscription(MailSubscription subscription) {
        subscriptions.put(subscription.user(), subscription);
    }

    @Override
    public synchronized boolean deleteSubscription(EntityBareJid user) {
        pending.removeIf(m -> m.user().equals(user));
        return subscriptions.remove(user) != null;
    }

    @Override
    public synchronized boolean queue(PendingMail m, int maxPending) {
        if (pending.stream().filter(p -> p.user().equals(m.user())).count() >= maxPending) return false;
        pending.add(new PendingMail(++ids, m.user(), m.at(), m.sender(), m.body()));
        return true;
    }

    @Override
    public synchronized List<PendingMail> pending(EntityBareJid user, int limit) {
        return pending.stream().filter(m -> m.user().equals(user)).limit(limit).toList();
    }

    @Override
    public synchronized List<EntityBareJid> due(Instant cutoff, int limit) {
        Map<EntityBareJid, Instant> oldest = new HashMap<>();
        for (PendingMail m : pending) oldest.merge(m.user(), m.at(), (a, b) -> a.isBefore(b) ? a : b);
        return oldest.entrySet().stream().filter(e -> !e.getValue().isAfter(cutoff))
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).limit(limit).toList();
    }

    @Override
    public synchronized void markMailing(EntityBareJid user, long lastId, boolean on) {
        for (PendingMail m : pending) {
            if (!m.user().equals(user) || m.id() > lastId) continue;
            if (on) mailing.add(m.id());
            else mailing.remove(m.id());
        }
    }

    @Override
    public synchronized int dropWaiting(EntityBareJid user) {
        List<PendingMail> gone = pending.stream().filter(m -> m.user().equals(user) && !mailing.contains(m.id())).toList();
        pending.removeAll(gone);
        return gone.size();
    }

    @Override
    public synchronized int deletePending(EntityBareJid user, long lastId, List<ChargingRecord> charges) {
        List<PendingMail> gone = pending.stream().filter(m -> m.user().equals(user) && m.id() <= lastId).toList();
        if (gone.isEmpty()) return 0;
        if (!charges.isEmpty()) charging.addAll(charges);
        pending.removeAll(gone);
        gone.forEach(m -> mailing.remove(m.id()));
        return gone.size();
    }

    @Override
    public synchronized boolean replySeen(String key) {
        return repliesSeen.containsKey(key);
    }

    @Override
    public synchronized boolean replyRouted(EntityBareJid user, String key, Instant at) {
        if (repliesSeen.containsKey(key)) return false;
        repliesSeen.put(key, new SeenReply(user, at));
        return true;
    }

    @Override
    public synchronized int deleteRepliesSeen(Instant cutoff) {
        int before = repliesSeen.size();
        repliesSeen.values().removeIf(r -> !r.at().isAfter(cutoff));
        return before - repliesSeen.size();
    }

    @Override
    public synchronized void saveToken(ReplyToken token) {
        tokens.put(token.token(), token);
    }

    @Override
    public synchronized Optional<ReplyToken> token(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    @Override
    public synchronized Optional<ReplyToken> tokenFor(EntityBareJid user, String peer) {
        return tokens.values().stream().filter(t -> t.user().equals(user) && t.peer().equals(peer))
                .max(Comparator.comparing(ReplyToken::expires));
    }

    @Override
    public synchronized int deleteExpiredTokens(Instant now) {
        int before = tokens.size();
        tokens.values().removeIf(t -> !t.expires().isAfter(now));
        return before - tokens.size();
    }

    @Override
    public synchronized void deleteAll(EntityBareJid user) {
        deleteSubscription(user);
        tokens.values().removeIf(t -> t.user().equals(user));
        repliesSeen.values().removeIf(r -> r.user().equals(user));
    }
}
