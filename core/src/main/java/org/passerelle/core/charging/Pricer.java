package org.passerelle.core.charging;

import java.time.Duration;
import org.passerelle.core.store.ChargingRecord;

/** Turns a billable event into its charging record with the operator's tariff. */
@FunctionalInterface
public interface Pricer {
    /** Nothing is billable: the server runs without the charging module. */
    Pricer NONE = event -> null;

    /** The record (id 0, not yet stored), or null when the event is not billed (no tariff item prices it, or it is refused). */
    ChargingRecord price(Chargeable event);

    /**
     * Whether some tariff item prices traffic on this channel. Parts that must measure before they
     * can report (the frontends' data volume) ask once and measure nothing otherwise.
     */
    default boolean bills(String channel) {
        return false;
    }

    /**
     * How often a measurement that runs long (a connection's data volume) is reported. Each report
     * is one record, rounded up on its own ({@code per}), so this is the billing granularity.
     */
    default Duration reportInterval() {
        return Duration.ofHours(1);
    }
}
