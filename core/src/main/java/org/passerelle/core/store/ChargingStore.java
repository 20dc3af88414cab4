package org.passerelle.core.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;

/**
 * Charging data records and daily subscriptions. Writes are durable when the call returns.
 * Records are kept when their account is deleted (they are the operator's bills); periods are
 * {@code from} inclusive, {@code to} exclusive.
 */
public interface ChargingStore {
    /** Fraction digits an amount may have. */
    int AMOUNT_SCALE = 6;

    /** Stores the record (its id is ignored) and returns it with its id. */
    ChargingRecord add(ChargingRecord record);

    /**
     * Stores the records in one transaction (their ids are ignored), in order. Not read back: this
     * is on the path of every billed message, and the ids are only needed by readers.
     */
    void addAll(List<ChargingRecord> records);

    /**
     * Up to {@code limit} records of the period with an id above {@code afterId}, in id order;
     * of every user when {@code user} is null.
     */
    List<ChargingRecord> records(EntityBareJid user, Instant from, Instant to, long afterId, int limit);

    /** The period's records summed per user, channel, direction, unit and currency, in that order. */
    List<ChargingTotal> totals(EntityBareJid user, Instant from, Instant to);

    /** Starts charging {@code item} daily from {@code since}; false when the user has that subscription already. */
    boolean subscribe(EntityBareJid user, String item, LocalDate since);

    boolean unsubscribe(EntityBareJid user, String item);

    /** Ends every subscription of the user (the account is gone); its records stay. */
    void unsubscribeAll(EntityBareJid user);

    /** The subscriptions of the user, or of everyone when {@code user} is null. */
    List<ChargingSubscription> subscriptions(EntityBareJid user);

    /**
     * Charges one day of a subscription: in one transaction, stores the record and marks the day
     * charged, unless that day or a later one is charged already or the subscription is gone
     * (then nothing is stored and this returns false). A day is charged once, however often this runs.
     */
    boolean chargeDay(ChargingRecord record, String item, LocalDate day);
}
