package org.passerelle.core.store;

import java.math.BigDecimal;
import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;

/**
 * A charging data record: one billable event, priced when it happened. Amounts are exact decimals
 * with at most {@value ChargingStore#AMOUNT_SCALE} fraction digits (stores keep them as integers of
 * millionths), never binary floating point.
 *
 * @param id         assigned by the store (0 before it is stored); increases with each record
 * @param at         when the event happened
 * @param user       the local account charged
 * @param peer       the other side (a JID, a phone number, an address; a plan's name for a daily charge)
 * @param channel    {@code xmpp}, {@code sms}, {@code mail}, {@code data}, {@code subscription} ...
 * @param direction  {@code in} (received by the user), {@code out} (sent by the user), {@code none} (a daily charge)
 * @param unit       what is counted: {@code message}, {@code segment}, {@code byte}, {@code day}
 * @param quantity   how many units (positive)
 * @param amount     the price of the event (zero for a free tariff item)
 * @param currency   ISO 4217 code
 * @param tariffItem the name of the tariff item that priced it
 */
public record ChargingRecord(long id, Instant at, EntityBareJid user, String peer, String channel, String direction,
                             String unit, long quantity, BigDecimal amount, String currency, String tariffItem) {
    public ChargingRecord {
        if (quantity <= 0) throw new IllegalArgumentException("quantity must be positive: " + quantity);
        if (amount.signum() < 0) throw new IllegalArgumentException("amount must not be negative: " + amount);
        if (amount.stripTrailingZeros().scale() > ChargingStore.AMOUNT_SCALE) {
            throw new IllegalArgumentException("amount has more than " + ChargingStore.AMOUNT_SCALE + " fraction digits: " + amount);
        }
    }

    /** The same record with the id the store gave it. */
    public ChargingRecord withId(long newId) {
        return new ChargingRecord(newId, at, user, peer, channel, direction, unit, quantity, amount, currency, tariffItem);
    }
}
