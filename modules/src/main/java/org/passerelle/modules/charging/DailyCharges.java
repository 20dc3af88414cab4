package org.passerelle.modules.charging;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingStore;
import org.passerelle.core.store.ChargingSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges daily plans: each subscribed account, each day from its start (or the day after the
 * last one charged) to today, once. Runs at start and then periodically; the store marks a day
 * charged in the same transaction as its record, so a restart, a second run or a second node on
 * the same database charges nothing twice. Days the server was down are charged when it is back.
 */
final class DailyCharges implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(DailyCharges.class);
    /** A subscription unseen for longer (a database restored from long ago) is caught up a year at a time. */
    static final int MAX_DAYS_PER_RUN = 366;

    private final ChargingStore store;
    private final Tariff tariff;
    private final Clock clock;
    private final ZoneId zone;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    DailyCharges(ChargingStore store, Tariff tariff, Clock clock, ZoneId zone) {
        this.store = store;
        this.tariff = tariff;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void run() {
        try {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            int charged = 0;
            for (ChargingSubscription s : store.subscriptions(null)) charged += charge(s, today);
            if (charged > 0) LOG.info("charged {} subscription days", charged);
        } catch (RuntimeException e) {
            LOG.warn("charging daily plans failed; they are charged at the next run", e);
        }
    }

    private int charge(ChargingSubscription s, LocalDate today) {
        TariffItem item = tariff.daily(s.item());
        if (item == null) {
            if (warned.add(s.item())) LOG.warn("{} subscribes to {}, which the tariff has no daily item for: not charged", s.user(), s.item());
            return 0;
        }
        LocalDate day = s.chargedThrough() == null ? s.since() : s.chargedThrough().plusDays(1);
        int n = 0;
        for (; !day.isAfter(today) && n < MAX_DAYS_PER_RUN; day = day.plusDays(1)) {
            ChargingRecord r = new ChargingRecord(0, day.atStartOfDay(zone).toInstant(), s.user(), item.item(), item.channel(), "none",
                    "day", 1, item.amount(1), item.currency(), item.item());
            if (store.chargeDay(r, item.item(), day)) n++;
        }
        return n;
    }
}
