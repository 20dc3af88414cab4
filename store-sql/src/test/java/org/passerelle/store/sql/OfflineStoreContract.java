package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.OfflineMessage;
import org.passerelle.core.store.OfflineStore;
import org.passerelle.xml.Element;

/** What every {@link OfflineStore} must do; subclassed once per backend. */
abstract class OfflineStoreContract extends StoresFixture {
    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05.678Z");

    private OfflineStore store() {
        return stores.offline();
    }

    private static OfflineMessage message(String body, int second) {
        Element stanza = Element.builder("message", "jabber:client").attr("from", "a@example.org/r").attr("type", "chat")
                .textChild("body", "jabber:client", body).build();
        return new OfflineMessage(0, T0.plusSeconds(second), stanza);
    }

    private static List<String> bodies(List<OfflineMessage> messages) {
        return messages.stream().map(m -> m.stanza().childText("body", "jabber:client")).toList();
    }

    @Test
    void storesAndListsOldestFirst() {
        EntityBareJid owner = newJid("alice");
        assertThat(store().list(owner)).isEmpty();
        for (int i = 0; i < 5; i++) assertThat(store().store(owner, message("m" + i, i), 100)).isTrue();
        List<OfflineMessage> listed = store().list(owner);
        assertThat(bodies(listed)).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(listed).extracting(OfflineMessage::id).doesNotHaveDuplicates().isSorted();
        assertThat(listed.get(3).stored()).isEqualTo(T0.plusSeconds(3));
        assertThat(listed.get(3).stanza()).isEqualTo(message("m3", 3).stanza());
        assertThat(store().count(owner)).isEqualTo(5);
    }

    /** An {@code xmpp in} record; a null currency cannot be stored (NOT NULL), as a failing disk would refuse it. */
    private static ChargingRecord charge(EntityBareJid owner, String currency) {
        return new ChargingRecord(0, T0, owner, "a@example.org", "xmpp", "in", "message", 1, new BigDecimal("0.01"), currency, "im-in");
    }

    private List<ChargingRecord> charged(EntityBareJid owner) {
        return stores.charging().records(owner, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 0, 100);
    }

    @Test
    void theChargesOfAMessageAreStoredWithItOrNotAtAll() {
        EntityBareJid carol = newJid("carol");
        assertThat(store().store(carol, message("paid", 0), 1, List.of(charge(carol, "EUR")))).isTrue();
        assertThat(store().store(carol, message("over quota", 1), 1, List.of(charge(carol, "EUR")))).as("full").isFalse();
        assertThat(charged(carol)).as("a refused message is charged to nobody").hasSize(1);
        assertThat(charged(carol).getFirst().amount()).isEqualByComparingTo("0.01");

        EntityBareJid dave = newJid("dave");
        assertThat(store().store(dave, message("kept", 0), 10, List.of())).isTrue();
        assertThatThrownBy(() -> store().store(dave, message("unbillable", 1), 10, List.of(charge(dave, "EUR"), charge(dave, null))))
                .isInstanceOf(RuntimeException.class);
        assertThat(bodies(store().list(dave))).as("the message went with its record").containsExactly("kept");
        assertThat(store().count(dave)).isEqualTo(1);
        assertThat(charged(dave)).as("and so did the first record").isEmpty();
        assertThat(store().store(dave, message("next", 2), 10, List.of(charge(dave, "EUR")))).isTrue();
        assertThat(bodies(store().list(dave))).containsExactly("kept", "next");
        assertThat(charged(dave)).hasSize(1);
    }

    @Test
    void refusesMessagesPastTheQuota() {
        EntityBareJid owner = newJid("bob");
        assertThat(store().store(owner, message("a", 0), 2)).isTrue();
        assertThat(store().store(owner, message("b", 1), 2)).isTrue();
        assertThat(store().store(owner, message("c", 2), 2)).isFalse();
        assertThat(store().store(owner, message("c", 2), 3)).as("a higher quota admits more").isTrue();
        assertThat(store().store(newJid("zero"), message("z", 0), 0)).isFalse();
        assertThat(bodies(store().list(owner))).containsExactly("a", "b", "c");
        assertThat(store().count(owner)).isEqualTo(3);
    }

    @Test
    void deletesByIdOnlyTheOwnersMessages() {
        EntityBareJid owner = newJid("carol");
        EntityBareJid other = newJid("dave");
        for (int i = 0; i < 4; i++) store().store(owner, message("m" + i, i), 4);
        store().store(other, message("theirs", 0), 4);
        List<OfflineMessage> listed = store().list(owner);
        long theirs = store().list(other).getFirst().id();
        store().delete(owner, List.of(listed.get(0).id(), listed.get(2).id(), theirs, -1L));
        assertThat(bodies(store().list(owner))).containsExactly("m1", "m3");
        assertThat(store().count(owner)).isEqualTo(2);
        assertThat(bodies(store().list(other))).containsExactly("theirs");
        assertThat(store().store(owner, message("m4", 4), 4)).as("deleting freed room under the quota").isTrue();
        assertThat(store().store(owner, message("m5", 5), 4)).isTrue();
        assertThat(store().store(owner, message("m6", 6), 4)).isFalse();
        store().delete(owner, List.of());
        assertThat(store().count(owner)).isEqualTo(4);
    }

    @Test
    void theTotalFollowsStoresAndDeletes() {
        long before = store().total();
        EntityBareJid owner = newJid("gina");
        EntityBareJid other = newJid("hugo");
        store().store(owner, message("a", 0), 10);
        store().store(owner, message("b", 1), 10);
        store().store(other, message("c", 2), 10);
        assertThat(store().total()).isEqualTo(before + 3);
        store().delete(owner, List.of(store().list(owner).getFirst().id()));
        assertThat(store().total()).isEqualTo(before + 2);
        store().deleteAll(other);
        assertThat(store().total()).isEqualTo(before + 1);
    }

    @Test
    void deleteAllEmptiesOneOwner() {
        EntityBareJid owner = newJid("erin");
        EntityBareJid other = newJid("frank");
        store().store(owner, message("a", 0), 10);
        store().store(owner, message("b", 1), 10);
        store().store(other, message("c", 2), 10);
        store().deleteAll(owner);
        assertThat(store().list(owner)).isEmpty();
        assertThat(store().count(owner)).isZero();
        assertThat(store().count(other)).isEqualTo(1);
        assertThat(store().store(owner, message("again", 3), 1)).isTrue();
        assertThat(store().count(owner)).isEqualTo(1);
    }

    @Test
    void concurrentStoresNeverPassTheQuota() throws Exception {
        EntityBareJid owner = newJid("popular");
        int quota = 25;
        int senders = 80;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> stores = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            OfflineMessage m = message("m" + i, i);
            stores.add(() -> {
                start.await();
                return store().store(owner, m, quota);
            });
        }
        int admitted = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> s : stores) results.add(pool.submit(s));
            start.countDown();
            for (Future<Boolean> f : results) if (f.get()) admitted++;
        }
        assertThat(admitted).isEqualTo(quota);
        assertThat(store().count(owner)).isEqualTo(quota);
        assertThat(store().list(owner)).hasSize(quota);
    }

    @Test
    void unicodeAndLargeStanzasRoundTripExactly() {
        EntityBareJid owner = newJid("\u00e9lise");
        String text = "h\u00e9 \u4f60\u597d \u0645\u0631\u062d\u0628\u0627 \uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD e\u0301 "
                + "<&>\"' ]]> \r\n\t end";
        Element unicode = Element.builder("message", "jabber:client").attr("to", "\u00e9lise@example.org")
                .attr("xml:lang", "fr").attr("id", "\"quoted\" & <tagged>\n\r\t")
                .textChild("body", "jabber:client", text)
                .child(Element.builder("x", "urn:example:\u00e9").attr("a", "\uD83D\uDE00").text("  spaced  ").build())
                .build();
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20_000; i++) big.append("line ").append(i).append(" \u00e9\u4f60\uD83D\uDE00\n");
        Element large = Element.builder("message", "jabber:client")
                .textChild("body", "jabber:client", big.toString()).build();
        assertThat(big.length()).isGreaterThan(300_000);
        store().store(owner, new OfflineMessage(0, T0, unicode), 10);
        store().store(owner, new OfflineMessage(0, T0, large), 10);
        List<OfflineMessage> listed = store().list(owner);
        assertThat(listed.get(0).stanza()).isEqualTo(unicode);
        assertThat(listed.get(0).stanza().childText("body", "jabber:client")).isEqualTo(text);
        assertThat(listed.get(1).stanza()).isEqualTo(large);
    }

    @Test
    void messagesSurviveClosingAndReopening() {
        EntityBareJid owner = newJid("durable");
        store().store(owner, message("kept", 0), 10);
        reopen();
        assertThat(bodies(store().list(owner))).containsExactly("kept");
        assertThat(store().count(owner)).isEqualTo(1);
    }
}
