package org.passerelle.core.charging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingStore;

/**
 * Billing's seam in the core. A billable event is priced first ({@link #price}), then its records
 * are written in the same transaction as the state change that is the event itself: the SMS
 * outbox row marked sent, the offline message stored, the mail batch removed. A crash therefore
 * either keeps both or neither. XMPP messages carry their records ({@link Stanza#charges}) until
 * the step that delivers them: the offline store writes them with the message, and a delivery to
 * online sessions writes them just before the hand-over ({@link #settle}).
 */
public final class Charging {
    private final ChargingStore store;
    private volatile Pricer pricer = Pricer.NONE;

    public Charging(ChargingStore store) {
        this.store = store;
    }

    /** Set once by the charging module when it starts. */
    public void setPricer(Pricer pricer) {
        this.pricer = Objects.requireNonNull(pricer);
    }

    /** Whether the tariff bills traffic on this channel ({@link Pricer#bills}); asked when a connection starts. */
    public boolean bills(String channel) {
        return pricer.bills(channel);
    }

    /** How often long measurements report ({@link Pricer#reportInterval}). */
    public Duration reportInterval() {
        return pricer.reportInterval();
    }

    /** The records of the events the tariff bills, not yet stored: hand them to the store write of the event. */
    public List<ChargingRecord> price(Chargeable... events) {
        List<ChargingRecord> records = new ArrayList<>(events.length);
        for (Chargeable e : events) {
            ChargingRecord r = pricer.price(e);
            if (r != null) records.add(r);
        }
        return records;
    }

    /**
     * Writes the records a message carries, in one transaction, and returns the message without
     * them, to be handed to sessions. A store failure is thrown: the caller refuses the message,
     * so nothing is delivered uncharged.
     */
    public Stanza settle(Stanza message) {
        if (message.charges().isEmpty()) return message;
        store.addAll(message.charges());
        return message.withoutCharges();
    }
}
