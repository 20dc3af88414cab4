package org.passerelle.modules.charging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tariff's items by what they price; an item for one direction wins over one for any. */
final class Tariff {
    private final Map<String, TariffItem> byTraffic = new HashMap<>();
    private final Map<String, TariffItem> daily = new HashMap<>();

    Tariff(List<TariffItem> items) {
        Map<String, TariffItem> names = new HashMap<>();
        for (TariffItem i : items) {
            if (names.put(i.item(), i) != null) throw new IllegalArgumentException("tariff: item " + i.item() + " is listed twice");
            if (i.unit().equals("day")) {
                daily.put(i.item(), i);
                continue;
            }
            TariffItem other = byTraffic.put(key(i.channel(), i.direction(), i.unit()), i);
            if (other != null) {
                throw new IllegalArgumentException("tariff: " + other.item() + " and " + i.item() + " both price " + i.channel() + " "
                        + i.direction() + " " + i.unit());
            }
        }
    }

    /** The item that prices this traffic, or null when the tariff does not make it billable. */
    TariffItem find(String channel, String direction, String unit) {
        TariffItem exact = byTraffic.get(key(channel, direction, unit));
        return exact != null ? exact : byTraffic.get(key(channel, "any", unit));
    }

    /** Whether any item prices traffic on the channel (the module skips measuring what is not billed). */
    boolean bills(String channel) {
        return byTraffic.values().stream().anyMatch(i -> i.channel().equals(channel));
    }

    /** The plan charged per day with this name, or null. */
    TariffItem daily(String item) {
        return daily.get(item);
    }

    boolean hasDaily() {
        return !daily.isEmpty();
    }

    private static String key(String channel, String direction, String unit) {
        return channel + " " + direction + " " + unit;
    }
}
