package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingStore;
import org.passerelle.core.store.ChargingSubscription;
import org.passerelle.core.store.ChargingTotal;

/** What every {@link ChargingStore} must do; subclassed once per backend. */
abstract class ChargingStoreContract extends StoresFixture {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-12-01T00:00:00Z");

    private ChargingStore store() {
        return stores.charging();
    }

    private static ChargingRecord record(EntityBareJid user, Instant at, String channel, String direction, String unit, long quantity,
                                         String amount, String currency) {
        return new ChargingRecord(0, at, user, "peer@example.org", channel, direction, unit, quantity, new BigDecimal(amount), currency,
                channel + "-" + direction);
    }

    @Test
    void recordsComeBackAsStoredInIdOrderWithinThePeriodAndSurviveAReopen() {
        EntityBareJid alice = newJid("alice");
        EntityBareJid bob = newJid("bob");
        ChargingRecord first = store().add(record(alice, T0, "sms", "out", "message", 1, "0.12", "GBP"));
        ChargingRecord second = store().add(record(alice, T0.plusSeconds(60), "data", "in", "byte", 25_600, "0.15", "EUR"));
        store().add(record(bob, T0.plusSeconds(90), "sms", "in", "message", 1, "0.12", "GBP"));
        store().add(record(alice, T1, "sms", "out", "message", 1, "0.12", "GBP"));
        store().add(record(alice, T0.minusMillis(1), "sms", "out", "message", 1, "0.12", "GBP"));
        assertThat(second.id()).isGreaterThan(first.id());

        reopen();
        List<ChargingRecord> got = store().records(alice, T0, T1, 0, 100);
        assertThat(got).extracting(ChargingRecord::id).containsExactly(first.id(), second.id());
        ChargingRecord r = got.get(1);
        assertThat(r).usingRecursiveComparison().ignoringFields("amount").isEqualTo(second);
        assertThat(r.amount()).isEqualByComparingTo("0.15");
        assertThat(store().records(alice, T0, T1, first.id(), 100)).extracting(ChargingRecord::id).containsExactly(second.id());
        assertThat(store().records(alice, T0, T1, 0, 1)).hasSize(1);
        assertThat(store().records(null, T0, T1, first.id() - 1, 100)).as("every user").hasSize(3);
    }

    @Test
    void recordsAddedTogetherAreStoredTogetherOrNotAtAll() {
        EntityBareJid ann = newJid("ann");
        store().addAll(List.of(record(ann, T0, "xmpp", "out", "message", 1, "0.01", "EUR"),
                record(ann, T0, "xmpp", "in", "message", 1, "0", "EUR")));
        List<ChargingRecord> both = store().records(ann, T0, T1, 0, 10);
        assertThat(both).extracting(ChargingRecord::direction).containsExactly("out", "in");
        assertThat(both.get(1).id()).isGreaterThan(both.get(0).id());
        assertThat(both.get(0).amount()).isEqualByComparingTo("0.01");
        // A null currency cannot be stored (NOT NULL): the whole call fails and its first record is not kept either.
        assertThatThrownBy(() -> store().addAll(List.of(record(ann, T0, "sms", "out", "segment", 1, "0.12", "GBP"),
                record(ann, T0, "sms", "in", "segment", 1, "0.12", null)))).isInstanceOf(RuntimeException.class);
        assertThat(store().records(ann, T0, T1, 0, 10)).extracting(ChargingRecord::channel).containsExactly("xmpp", "xmpp");
    }

    @Test
    void totalsAreExactSumsPerUserChannelDirectionUnitAndCurrency() {
        EntityBareJid alice = newJid("alice");
        // 0.1 + 0.2 is not 0.3 in binary floating point; a thousand of 0.000001 is exactly 0.001.
        store().add(record(alice, T0, "sms", "out", "message", 1, "0.1", "GBP"));
        store().add(record(alice, T0.plusSeconds(1), "sms", "out", "message", 1, "0.2", "GBP"));
        for (int i = 0; i < 1000; i++) store().add(record(alice, T0.plusSeconds(2), "xmpp", "in", "message", 1, "0.000001", "EUR"));
        store().add(record(alice, T0.plusSeconds(3), "sms", "out", "message", 2, "0.24", "EUR"));
        store().add(record(alice, T0.plusSeconds(4), "xmpp", "out", "message", 1, "0", "EUR"));

        List<ChargingTotal> totals = store().totals(alice, T0, T1);
        assertThat(totals).extracting(t -> t.channel() + " " + t.direction() + " " + t.currency() + " " + t.records() + " " + t.quantity())
                .containsExactly("sms out EUR 1 2", "sms out GBP 2 2", "xmpp in EUR 1000 1000", "xmpp out EUR 1 1");
        assertThat(totals.get(1).amount()).isEqualByComparingTo("0.3");
        assertThat(totals.get(2).amount()).isEqualByComparingTo("0.001");
        assertThat(totals.get(3).amount()).isEqualByComparingTo("0");
        BigDecimal summed = store().records(alice, T0, T1, 0, 10_000).stream().map(ChargingRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal totalled = totals.stream().map(ChargingTotal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(totalled).isEqualByComparingTo(summed).isEqualByComparingTo("0.541");
        assertThat(store().totals(alice, T1, T1.plusSeconds(1))).isEmpty();
    }

    @Test
    void aSubscriptionDayIsChargedOnceAndTheSubscriptionEnds() {
        EntityBareJid kim = newJid("kim");
        LocalDate day = LocalDate.of(2026, 11, 3);
        assertThat(store().subscribe(kim, "icq-mobile", day)).isTrue();
        assertThat(store().subscribe(kim, "icq-mobile", day.plusDays(5))).as("one subscription per plan").isFalse();
        assertThat(store().subscriptions(kim)).containsExactly(new ChargingSubscription(kim, "icq-mobile", day, null));

        ChargingRecord daily = new ChargingRecord(0, T0.plusSeconds(86_400 * 2), kim, "icq-mobile", "subscription", "none", "day", 1,
                new BigDecimal("0.09"), "EUR", "icq-mobile");
        assertThat(store().chargeDay(daily, "icq-mobile", day)).isTrue();
        reopen();
        assertThat(store().chargeDay(daily, "icq-mobile", day)).as("the same day again").isFalse();
        assertThat(store().chargeDay(daily, "icq-mobile", day.minusDays(1))).as("an earlier day").isFalse();
        assertThat(store().chargeDay(daily, "other-plan", day)).as("no such subscription").isFalse();
        assertThat(store().records(kim, T0, T1, 0, 100)).hasSize(1);
        assertThat(store().subscriptions(null)).contains(new ChargingSubscription(kim, "icq-mobile", day, day));

        assertThat(store().unsubscribe(kim, "icq-mobile")).isTrue();
        assertThat(store().unsubscribe(kim, "icq-mobile")).isFalse();
        assertThat(store().chargeDay(daily, "icq-mobile", day.plusDays(1))).as("ended").isFalse();
        store().subscribe(kim, "a", day);
        store().subscribe(kim, "b", day);
        store().unsubscribeAll(kim);
        assertThat(store().subscriptions(kim)).isEmpty();
        assertThat(store().records(kim, T0, T1, 0, 100)).as("records stay").hasSize(1);
    }
}
