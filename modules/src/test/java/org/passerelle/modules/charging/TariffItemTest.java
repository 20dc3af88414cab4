package org.passerelle.modules.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.passerelle.core.config.ConfigException;
import org.passerelle.core.config.ConfigLoader;

/** Pricing with "per N units" rounded up, and tariffs that must refuse to start. */
class TariffItemTest {
    private static TariffItem item(String unit, String price, long per) {
        return new TariffItem("x", "data", "any", unit, price, "EUR", per);
    }

    @Test
    void aBlockBegunIsABlockCharged() {
        TariffItem gprs = item("byte", "0.05", 10_240); // the study's 0.05 EUR per 10 KB
        assertThat(gprs.amount(1)).isEqualByComparingTo("0.05");
        assertThat(gprs.amount(10_240)).isEqualByComparingTo("0.05");
        assertThat(gprs.amount(10_241)).isEqualByComparingTo("0.10");
        assertThat(gprs.amount(25_600)).isEqualByComparingTo("0.15");
        assertThat(item("message", "0.12", 1).amount(3)).isEqualByComparingTo("0.36");
        assertThat(item("message", "0.000001", 1).amount(3)).isEqualByComparingTo("0.000003");
        assertThat(item("message", "0", 1).amount(5)).isEqualByComparingTo("0");
        // Exact where binary floating point is not: 0.1 three times.
        assertThat(item("message", "0.1", 1).amount(3)).isEqualByComparingTo("0.3");
    }

    @Test
    void defaultsForDailyAndOtherItems() {
        TariffItem daily = new TariffItem("icq-mobile", null, null, "day", "0.09", "EUR", null);
        assertThat(daily.channel()).isEqualTo("subscription");
        assertThat(daily.direction()).isEqualTo("none");
        assertThat(daily.per()).isEqualTo(1L);
        TariffItem sms = new TariffItem("sms", "sms", null, "message", "0.120", "GBP", null);
        assertThat(sms.direction()).isEqualTo("any");
    }

    private static void refused(String itemYaml, String why) {
        String yaml = "modules:\n  charging:\n    tariff:\n      - " + itemYaml + "\n";
        assertThatThrownBy(() -> ConfigLoader.moduleOptions(ConfigLoader.parse(yaml, "test"), "charging", ChargingOptions.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining(why);
    }

    @Test
    void aTariffWithABadItemRefusesToStart() {
        refused("{item: a, channel: sms, unit: message, price: '-0.12', currency: GBP}", "must not be negative");
        refused("{item: a, channel: sms, unit: message, price: 'twelve', currency: GBP}", "decimal number");
        refused("{item: a, channel: sms, unit: message, currency: GBP}", "decimal number");
        refused("{item: a, channel: sms, unit: message, price: '0.0000001', currency: GBP}", "fraction digits");
        refused("{item: a, channel: sms, unit: message, price: '0.12', currency: XYZ}", "ISO 4217");
        refused("{item: a, channel: sms, unit: message, price: '0.12', currency: gbp}", "ISO 4217");
        refused("{item: a, channel: sms, unit: message, price: '0.12'}", "ISO 4217");
        refused("{item: a, channel: sms, unit: kilobyte, price: '0.12', currency: GBP}", "unit must be one of");
        refused("{item: a, channel: sms, direction: sideways, unit: message, price: '0.12', currency: GBP}", "in, out or any");
        refused("{item: a, channel: sms, unit: byte, per: 0, price: '0.12', currency: GBP}", "per must be at least 1");
        refused("{item: a, channel: SMS!, unit: message, price: '0.12', currency: GBP}", "channel must be");
        refused("{item: a, unit: day, direction: out, price: '0.09', currency: EUR}", "daily item");
        refused("{channel: sms, unit: message, price: '0.12', currency: GBP}", "item must be");
        String twice = "{item: a, channel: sms, unit: message, price: '0.12', currency: GBP}\n      - "
                + "{item: b, channel: sms, direction: any, unit: message, price: '0.10', currency: GBP}";
        refused(twice, "both price sms any message");
        refused("{item: a, channel: sms, unit: message, price: '0.12', currency: GBP}\n      - "
                + "{item: a, channel: sms, unit: segment, price: '0.12', currency: GBP}", "listed twice");
    }

    @Test
    void anUnquotedPriceIsReadAsWritten() {
        String yaml = "modules:\n  charging:\n    tariff:\n      - {item: a, channel: sms, unit: message, price: 0.12, currency: GBP}\n";
        ChargingOptions o = ConfigLoader.moduleOptions(ConfigLoader.parse(yaml, "test"), "charging", ChargingOptions.class);
        assertThat(o.tariff().getFirst().price()).isEqualTo("0.12");
    }
}
