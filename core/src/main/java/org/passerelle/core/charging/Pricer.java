package org.passerelle.core.charging;

import org.passerelle.core.store.ChargingRecord;

/** Turns a billable event into its charging record with the operator's tariff. */
@FunctionalInterface
public interface Pricer {
    /** Nothing is billable: the server runs without the charging module. */
    Pricer NONE = event -> null;

    /** The record (id 0, not yet stored), or null when the event is not billed (no tariff item prices it, or it is refused). */
    ChargingRecord price(Chargeable event);
}
