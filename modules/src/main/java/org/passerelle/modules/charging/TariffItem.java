package org.passerelle.modules.charging;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import org.passerelle.core.store.ChargingStore;

/**
 * One line of the tariff: what a unit of traffic on a channel costs (docs/CHARGING.md).
 *
 * @param item      the name on the records and statements, and of a plan accounts subscribe to (unit day)
 * @param channel   {@code xmpp}, {@code sms}, {@code mail}, {@code data} ...; default {@code subscription} for unit day
 * @param direction {@code in}, {@code out} or {@code any} (default any; a daily item has none)
 * @param unit      {@code message}, {@code segment}, {@code byte} or {@code day}
 * @param price     per {@code per} units, a decimal with at most 6 fraction digits; write it quoted ("0.12")
 * @param currency  ISO 4217 code
 * @param per       the price is for this many units, counted up to a whole block (default 1): 10240 with unit byte
 *                  prices blocks of 10 KiB, and 1 byte costs a whole block
 */
public record TariffItem(String item, String channel, String direction, String unit, String price, String currency, Long per) {
    static final Set<String> UNITS = Set.of("message", "segment", "byte", "day");
    static final Set<String> DIRECTIONS = Set.of("in", "out", "any");

    public TariffItem {
        if (item == null || !item.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("item must be a name of letters, digits, '.', '_', '-', not " + item);
        }
        if (unit == null || !UNITS.contains(unit)) throw new IllegalArgumentException(item + ": unit must be one of " + UNITS + ", not " + unit);
        if (channel == null && unit.equals("day")) channel = "subscription";
        if (channel == null || !channel.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException(item + ": channel must be a lower-case name such as sms, not " + channel);
        }
        if (direction == null) direction = unit.equals("day") ? "none" : "any";
        if (unit.equals("day") ? !direction.equals("none") : !DIRECTIONS.contains(direction)) {
            throw new IllegalArgumentException(item + ": direction must be " + (unit.equals("day") ? "left out for a daily item" : "in, out or any")
                    + ", not " + direction);
        }
        if (per == null) per = 1L;
        if (per < 1) throw new IllegalArgumentException(item + ": per must be at least 1, not " + per);
        BigDecimal p = parsePrice(item, price);
        price = p.toPlainString();
        try {
            if (currency == null || !currency.equals(Currency.getInstance(currency).getCurrencyCode())) throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(item + ": currency must be an ISO 4217 code such as EUR, not " + currency);
        }
    }

    private static BigDecimal parsePrice(String item, String price) {
        BigDecimal p;
        try {
            p = new BigDecimal(price == null ? "" : price.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(item + ": price must be a decimal number such as \"0.12\", not " + price);
        }
        if (p.signum() < 0) throw new IllegalArgumentException(item + ": price must not be negative, not " + price);
        if (p.stripTrailingZeros().scale() > ChargingStore.AMOUNT_SCALE) {
            throw new IllegalArgumentException(item + ": price has more than " + ChargingStore.AMOUNT_SCALE + " fraction digits: " + price);
        }
        if (p.compareTo(BigDecimal.valueOf(1_000_000)) > 0) throw new IllegalArgumentException(item + ": price is over a million: " + price);
        return p;
    }

    /** What {@code quantity} units cost: the price for each block of {@code per} units begun. Exact. */
    BigDecimal amount(long quantity) {
        return new BigDecimal(price).multiply(BigDecimal.valueOf(Math.ceilDiv(quantity, per)));
    }
}
