package org.passerelle.modules.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.core.testing.TestServer;

/** What the frontends ask before measuring data volume: whether the tariff bills a channel, and how often to report. */
class MeasuredChannelsTest {
    @Test
    void theChannelsTheTariffPricesAreBilledAndTheIntervalIsTheOperators() {
        String yaml = """
                modules:
                  charging:
                    dataReportMinutes: 15
                    tariff:
                      - {item: gprs, channel: data, direction: out, unit: byte, per: 10240, price: "0.05", currency: EUR}
                      - {item: icq-mobile, unit: day, price: "0.09", currency: EUR}
                """;
        try (TestServer server = new TestServer(yaml, new ChargingModule())) {
            assertThat(server.context().charging().bills("data")).as("an item for one direction is enough").isTrue();
            assertThat(server.context().charging().bills("xmpp")).isFalse();
            assertThat(server.context().charging().bills("subscription")).as("daily plans are not traffic").isFalse();
            assertThat(server.context().charging().reportInterval()).isEqualTo(Duration.ofMinutes(15));
        }
    }

    @Test
    void withoutTheModuleOrWithoutADataItemNothingIsBilledAndTheIntervalIsAnHour() {
        try (TestServer bare = new TestServer()) {
            assertThat(bare.context().charging().bills("data")).isFalse();
        }
        String yaml = """
                modules:
                  charging:
                    tariff:
                      - {item: im-out, channel: xmpp, direction: out, unit: message, price: "0.01", currency: EUR}
                """;
        try (TestServer server = new TestServer(yaml, new ChargingModule())) {
            assertThat(server.context().charging().bills("data")).isFalse();
            assertThat(server.context().charging().bills("xmpp")).isTrue();
            assertThat(server.context().charging().reportInterval()).isEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void theIntervalIsBetweenAMinuteAndADay() {
        for (int minutes : new int[] {0, 1441}) {
            String yaml = "modules:\n  charging:\n    dataReportMinutes: " + minutes + "\n";
            assertThatThrownBy(() -> new TestServer(ConfigLoader.parse(yaml, "test"), new MemoryStores(), new ChargingModule()))
                    .hasStackTraceContaining("dataReportMinutes must be between 1 and 1440");
        }
    }
}
