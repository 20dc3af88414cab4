package org.passerelle.modules.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.Stores;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.core.testing.MovableClock;
import org.passerelle.core.testing.TestServer;

/** Daily plans: once per day and account, a restart the same day charges nothing, missed days are caught up. */
class DailyChargesTest {
    /** A clock the test moves. */
    private static final EntityBareJid KIM = Jids.of("kim@localhost").asEntityBareJidOrThrow();

    private static List<ChargingRecord> records(Stores stores) {
        return stores.charging().records(KIM, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 0, 1000);
    }

    private static TestServer start(Stores stores, Clock clock, ChargingModule module) {
        return new TestServer(ConfigLoader.parse(ChargingModuleTest.TARIFF, "test"), stores, clock, module);
    }

    @Test
    void aSubscribedAccountIsChargedOncePerDayAcrossRestarts() {
        Stores stores = new MemoryStores();
        MovableClock clock = MovableClock.at(Instant.parse("2026-11-03T08:00:00Z"));
        stores.charging().subscribe(KIM, "icq-mobile", LocalDate.of(2026, 11, 3));
        ChargingModule first = new ChargingModule();
        try (TestServer s = start(stores, clock, first)) {
            first.chargeDailyPlans();
            first.chargeDailyPlans();
            clock.set(Instant.parse("2026-11-03T23:59:59Z"));
            first.chargeDailyPlans();
            assertThat(records(stores)).hasSize(1);
        }
        ChargingModule second = new ChargingModule();
        try (TestServer s = start(stores, clock, second)) {
            second.chargeDailyPlans();
            assertThat(records(stores)).as("a restart the same day").hasSize(1);
            clock.set(Instant.parse("2026-11-04T00:00:00Z"));
            second.chargeDailyPlans();
            assertThat(records(stores)).hasSize(2);
            // Down for three days: each is charged when it is back, once.
            clock.set(Instant.parse("2026-11-07T12:00:00Z"));
            second.chargeDailyPlans();
            second.chargeDailyPlans();
            List<ChargingRecord> r = records(stores);
            assertThat(r).extracting(ChargingRecord::at).containsExactly(Instant.parse("2026-11-03T00:00:00Z"),
                    Instant.parse("2026-11-04T00:00:00Z"), Instant.parse("2026-11-05T00:00:00Z"),
                    Instant.parse("2026-11-06T00:00:00Z"), Instant.parse("2026-11-07T00:00:00Z"));
            ChargingRecord day = r.getFirst();
            assertThat(List.of(day.channel(), day.direction(), day.unit(), day.peer(), day.currency(), day.tariffItem()))
                    .containsExactly("subscription", "none", "day", "icq-mobile", "EUR", "icq-mobile");
            assertThat(day.amount()).isEqualByComparingTo("0.09");

            s.context().events().publish(new AccountDeleted(KIM));
            clock.set(Instant.parse("2026-11-08T12:00:00Z"));
            second.chargeDailyPlans();
            assertThat(records(stores)).as("the account is gone: no more days, records kept").hasSize(5);
        }
    }

    @Test
    void aPlanTheTariffDoesNotHaveIsNotCharged() {
        Stores stores = new MemoryStores();
        MovableClock clock = MovableClock.at(Instant.parse("2026-11-03T08:00:00Z"));
        stores.charging().subscribe(KIM, "gold", LocalDate.of(2026, 11, 1));
        ChargingModule module = new ChargingModule();
        try (TestServer s = start(stores, clock, module)) {
            module.chargeDailyPlans();
            assertThat(records(stores)).isEmpty();
        }
    }
}
