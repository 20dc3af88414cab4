package org.passerelle.modules.charging;

import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingStore;

/** Prices one event with the tariff and writes its record, durably, before the caller goes on. */
final class Charges {
    private final ChargingStore store;
    private final Tariff tariff;

    Charges(ChargingStore store, Tariff tariff) {
        this.store = store;
        this.tariff = tariff;
    }

    Tariff tariff() {
        return tariff;
    }

    /**
     * Records the event if the tariff prices it; returns the record, or null when nothing prices
     * it. A store failure is thrown: the caller decides what becomes of the event.
     */
    ChargingRecord charge(Instant at, EntityBareJid user, String peer, String channel, String direction, String unit, long quantity) {
        TariffItem item = tariff.find(channel, direction, unit);
        if (item == null) return null;
        return store.add(new ChargingRecord(0, at, user, peer, channel, direction, unit, quantity, item.amount(quantity),
                item.currency(), item.item()));
    }
}
