package org.passerelle.modules.charging;

import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;

/** Prices one event with the tariff; the record is written by whoever writes the event itself. */
final class Charges {
    private final Tariff tariff;

    Charges(Tariff tariff) {
        this.tariff = tariff;
    }

    /** The record, not yet stored, or null when no tariff item prices the event. */
    ChargingRecord price(Instant at, EntityBareJid user, String peer, String channel, String direction, String unit, long quantity) {
        TariffItem item = tariff.find(channel, direction, unit);
        if (item == null) return null;
        return new ChargingRecord(0, at, user, peer, channel, direction, unit, quantity, item.amount(quantity), item.currency(),
                item.item());
    }
}
