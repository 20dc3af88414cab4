package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.MailStore;
import org.passerelle.core.store.MailSubscription;
import org.passerelle.core.store.PendingMail;
import org.passerelle.core.store.ReplyToken;

/** What every {@link MailStore} must do; subclassed once per backend. */
abstract class MailStoreContract extends StoresFixture {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private MailStore store() {
        return stores.mail();
    }

    private static PendingMail message(EntityBareJid user, Instant at, String body) {
        return new PendingMail(0, user, at, "bob@example.org", body);
    }

    private static ChargingRecord charge(EntityBareJid user, String direction, String currency) {
        return new ChargingRecord(0, NOW, user, "peer@example.org", "mail", direction, "message", 1, new BigDecimal("0.02"),
                currency, "mail-" + direction);
    }

    private List<ChargingRecord> records(EntityBareJid user) {
        return stores.charging().records(user, Instant.EPOCH, NOW.plusSeconds(86_400), 0, 100);
    }

    @Test
    void aBatchBeingMailedIsNotDroppedWhenItsUserComesBack() {
        EntityBareJid cy = newJid("cy");
        store().queue(message(cy, NOW, "one"), 10);
        store().queue(message(cy, NOW, "two"), 10);
        long first = store().pending(cy, 10).getFirst().id();
        store().markMailing(cy, first, true);
        store().queue(message(cy, NOW, "three"), 10);
        reopen(); // a crash while the relay had it
        assertThat(store().dropWaiting(cy)).as("two and three were waiting").isEqualTo(2);
        assertThat(store().pending(cy, 10)).extracting(PendingMail::body).containsExactly("one");
        assertThat(store().due(NOW, 10)).contains(cy);

        store().markMailing(cy, first, false); // the relay refused it: it waits again
        assertThat(store().dropWaiting(cy)).isEqualTo(1);
        assertThat(store().pending(cy, 10)).isEmpty();
    }

    @Test
    void deletingABatchWritesItsRecordInTheSameTransaction() {
        EntityBareJid ann = newJid("ann");
        store().queue(message(ann, NOW, "one"), 10);
        store().queue(message(ann, NOW, "two"), 10);
        long last = store().pending(ann, 10).getLast().id();
        assertThat(store().deletePending(ann, last, List.of(charge(ann, "in", "EUR")))).isEqualTo(2);
        reopen();
        assertThat(store().pending(ann, 10)).isEmpty();
        assertThat(records(ann)).singleElement().satisfies(r -> {
            assertThat(r.id()).isPositive();
            assertThat(r.direction()).isEqualTo("in");
            assertThat(r.amount()).isEqualByComparingTo("0.02");
        });

        // Nothing deleted (the batch went already): nothing charged.
        assertThat(store().deletePending(ann, last, List.of(charge(ann, "in", "EUR")))).isZero();
        assertThat(records(ann)).hasSize(1);
    }

    @Test
    void aRecordThatCannotBeWrittenLeavesTheBatchPending() {
        EntityBareJid ben = newJid("ben");
        store().queue(message(ben, NOW, "one"), 10);
        long last = store().pending(ben, 10).getLast().id();
        List<ChargingRecord> bad = List.of(charge(ben, "in", "EUR"), charge(ben, "in", null)); // currency is NOT NULL
        assertThatThrownBy(() -> store().deletePending(ben, last, bad)).isInstanceOf(RuntimeException.class);
        reopen();
        assertThat(store().pending(ben, 10)).extracting(PendingMail::body).containsExactly("one");
        assertThat(records(ben)).as("the whole transaction was rolled back").isEmpty();
    }

    @Test
    void aReplyKeyIsKeptOnceAndExpires() {
        EntityBareJid cat = newJid("cat");
        String key = newDomain() + "-reply";
        assertThat(store().replySeen(key)).isFalse();
        assertThat(store().replyRouted(cat, key, NOW)).isTrue();
        reopen();
        assertThat(store().replySeen(key)).isTrue();
        assertThat(store().replyRouted(cat, key, NOW.plusSeconds(5))).as("seen").isFalse();

        assertThat(store().deleteRepliesSeen(NOW.minusSeconds(1))).isGreaterThanOrEqualTo(0);
        assertThat(store().replySeen(key)).isTrue();
        assertThat(store().deleteRepliesSeen(NOW)).isGreaterThanOrEqualTo(1);
        assertThat(store().replySeen(key)).isFalse();
    }

    @Test
    void twoWritersOfOneReplyKeyKeepItOnce() throws Exception {
        EntityBareJid dan = newJid("dan");
        String key = newDomain() + "-reply";
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store().replyRouted(dan, key, NOW);
                }));
            }
            start.countDown();
            int routed = 0;
            for (Future<Boolean> f : results) routed += f.get() ? 1 : 0;
            assertThat(routed).isEqualTo(1);
        }
    }

    @Test
    void aSubscriptionIsSavedVerifiedAndDeletedWithItsPendingMessages() {
        EntityBareJid alice = newJid("alice");
        assertThat(store().subscription(alice)).isEmpty();
        MailSubscription unverified = MailSubscription.unverified(alice, "alice@mail.example", "ABCD2345", NOW.plusSeconds(3600));
        store().saveSubscription(unverified);
        assertThat(store().subscription(alice)).hasValue(unverified);
        store().saveSubscription(unverified.withAttempt());
        assertThat(store().subscription(alice).orElseThrow().attempts()).isEqualTo(1);

        store().saveSubscription(unverified.asVerified());
        reopen();
        MailSubscription verified = store().subscription(alice).orElseThrow();
        assertThat(verified.verified()).isTrue();
        assertThat(verified.code()).isNull();
        assertThat(verified.codeExpires()).isNull();
        assertThat(verified.address()).isEqualTo("alice@mail.example");

        store().queue(message(alice, NOW, "hi"), 10);
        assertThat(store().deleteSubscription(alice)).isTrue();
        assertThat(store().deleteSubscription(alice)).isFalse();
        assertThat(store().pending(alice, 10)).isEmpty();
    }

    @Test
    void pendingMessagesQueueInOrderUpToTheLimitAndAreDeletedUpToAnId() {
        EntityBareJid bob = newJid("bob");
        assertThat(store().queue(message(bob, NOW, "one"), 2)).isTrue();
        assertThat(store().queue(message(bob, NOW.plusSeconds(1), "two \u00e9\u263a"), 2)).isTrue();
        assertThat(store().queue(message(bob, NOW.plusSeconds(2), "three"), 2)).as("over the limit").isFalse();
        reopen();
        var pending = store().pending(bob, 10);
        assertThat(pending).extracting(PendingMail::body).containsExactly("one", "two \u00e9\u263a");
        assertThat(pending.get(0).id()).isLessThan(pending.get(1).id());
        assertThat(pending.get(1).at()).isEqualTo(NOW.plusSeconds(1));
        assertThat(pending.get(0).sender()).isEqualTo("bob@example.org");
        assertThat(pending.get(0).user().toString()).isEqualTo(bob.toString());
        assertThat(store().pending(bob, 1)).hasSize(1);

        // A message queued after the batch was read stays for the next one.
        store().deletePending(bob, pending.get(0).id());
        assertThat(store().queue(message(bob, NOW.plusSeconds(3), "four"), 2)).isTrue();
        assertThat(store().deletePending(bob, pending.get(1).id())).isEqualTo(1);
        assertThat(store().pending(bob, 10)).extracting(PendingMail::body).containsExactly("four");
    }

    @Test
    void usersAreDueWhenTheirOldestMessageIsOldEnough() {
        EntityBareJid early = newJid("early");
        EntityBareJid late = newJid("late");
        Instant base = NOW.minusSeconds(1_000_000);
        store().queue(message(late, base.plusSeconds(100), "x"), 10);
        store().queue(message(early, base, "y"), 10);
        store().queue(message(early, base.plusSeconds(200), "z"), 10);
        assertThat(store().due(base.plusSeconds(50), 1000)).contains(early).doesNotContain(late);
        assertThat(store().due(base.plusSeconds(100), 1000)).contains(early, late);
        assertThat(store().due(base.minusSeconds(1), 1000)).doesNotContain(early, late);
        store().deletePending(early, Long.MAX_VALUE);
        assertThat(store().due(base.plusSeconds(300), 1000)).contains(late).doesNotContain(early);
    }

    @Test
    void tokensAreFoundByValueAndConversationExtendedAndExpired() {
        EntityBareJid carol = newJid("carol");
        String secret = newDomain() + "tok";
        ReplyToken t = new ReplyToken(secret, carol, "dave@example.org", NOW.plusSeconds(60));
        store().saveToken(t);
        assertThat(store().token(secret)).hasValue(t);
        assertThat(store().token(secret + "x")).isEmpty();
        assertThat(store().tokenFor(carol, "dave@example.org")).hasValue(t);
        assertThat(store().tokenFor(carol, "erin@example.org")).isEmpty();

        store().saveToken(new ReplyToken(secret, carol, "dave@example.org", NOW.plusSeconds(600)));
        assertThat(store().token(secret).orElseThrow().expires()).isEqualTo(NOW.plusSeconds(600));

        assertThat(store().deleteExpiredTokens(NOW.plusSeconds(599))).isGreaterThanOrEqualTo(0);
        assertThat(store().token(secret)).isPresent();
        assertThat(store().deleteExpiredTokens(NOW.plusSeconds(600))).isGreaterThanOrEqualTo(1);
        assertThat(store().token(secret)).isEmpty();
    }

    @Test
    void deleteAllRemovesEverythingOfOneUser() {
        EntityBareJid gone = newJid("gone");
        EntityBareJid kept = newJid("kept");
        for (EntityBareJid u : new EntityBareJid[] {gone, kept}) {
            store().saveSubscription(MailSubscription.unverified(u, "u@mail.example", "C", NOW).asVerified());
            store().queue(message(u, NOW, "m"), 10);
            store().saveToken(new ReplyToken(u.toString() + "-t", u, "p@example.org", NOW.plusSeconds(1_000_000_000L)));
            store().replyRouted(u, u + "-key", NOW.plusSeconds(1_000_000_000L));
        }
        store().deleteAll(gone);
        assertThat(store().subscription(gone)).isEmpty();
        assertThat(store().pending(gone, 10)).isEmpty();
        assertThat(store().token(gone + "-t")).isEmpty();
        assertThat(store().replySeen(gone + "-key")).isFalse();
        assertThat(store().subscription(kept)).isPresent();
        assertThat(store().pending(kept, 10)).hasSize(1);
        assertThat(store().token(kept + "-t")).isPresent();
        assertThat(store().replySeen(kept + "-key")).isTrue();
    }
}
