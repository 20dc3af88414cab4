package org.passerelle.gateway.sms;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.passerelle.core.charging.Pricer;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingStore;

/** For the gateway's tests: a pricer that bills everything (free), and what the charging store holds. */
final class Charged {
    /** A record for every event, at no cost: the tests count what the gateway stored, not prices. */
    static final Pricer EVERYTHING = e -> new ChargingRecord(0, e.at(), e.user(), e.peer(), e.channel(), e.direction(), e.unit(),
            e.quantity(), BigDecimal.ZERO, "EUR", "test");

    private static final Instant END = Instant.parse("3000-01-01T00:00:00Z");

    private Charged() {
    }

    /** Every record stored so far, in id order. */
    static List<ChargingRecord> records(ChargingStore store) {
        return store.records(null, Instant.EPOCH, END, 0, 10_000);
    }
}
