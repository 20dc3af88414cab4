package org.passerelle.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.testing.MemoryStores;

class RoutedRepliesTest {
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidOrThrow();
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private final MemoryStores stores = new MemoryStores();
    private final RoutedReplies routed = new RoutedReplies(stores.mail());

    @Test
    void keysTellRepliesApartByMessageIdOrByDateAndTextPerReplyAddress() {
        String byId = RoutedReplies.key("t1", " <a@x> ", "Thu, 26 Nov 2026", "hi");
        assertThat(byId).hasSize(64).isEqualTo(RoutedReplies.key("t1", "<a@x>", "another date", "other text"));
        assertThat(byId).isNotEqualTo(RoutedReplies.key("t2", "<a@x>", null, "hi")).as("one mail to two reply addresses is two replies");
        assertThat(byId).isNotEqualTo(RoutedReplies.key("t1", "<b@x>", null, "hi"));

        String byText = RoutedReplies.key("t1", null, "Thu, 26 Nov 2026", "hi");
        assertThat(byText).isEqualTo(RoutedReplies.key("t1", "", "Thu, 26 Nov 2026", "hi"));
        assertThat(byText).isNotEqualTo(RoutedReplies.key("t1", null, "Fri, 27 Nov 2026", "hi"));
        assertThat(byText).isNotEqualTo(RoutedReplies.key("t1", null, "Thu, 26 Nov 2026", "hi!"));
        assertThat(byText).isNotEqualTo(RoutedReplies.key("t2", null, "Thu, 26 Nov 2026", "hi"));
    }

    @Test
    void aKeyIsRoutedOnce() {
        AtomicInteger routes = new AtomicInteger();
        assertThat(routed.routeOnce(ALICE, "k", NOW, routes::incrementAndGet)).isTrue();
        assertThat(routed.routeOnce(ALICE, "k", NOW, routes::incrementAndGet)).isFalse();
        assertThat(routes).hasValue(1);
    }

    @Test
    void aSecondDeliveryOfAKeyWaitsForTheFirstAndDoesNotRoute() throws Exception {
        AtomicInteger routes = new AtomicInteger();
        CountDownLatch routing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable slowRoute = () -> {
            routes.incrementAndGet();
            routing.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> routed.routeOnce(ALICE, "k", NOW, slowRoute));
        assertThat(routing.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> routed.routeOnce(ALICE, "k", NOW, slowRoute));
        Thread.sleep(200);
        assertThat(routes).as("the second waits while the first routes").hasValue(1);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(routes).hasValue(1);
    }
}
