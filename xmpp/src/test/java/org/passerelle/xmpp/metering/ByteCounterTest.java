package org.passerelle.xmpp.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.charging.Chargeable;
import org.passerelle.core.charging.Pricer;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.testing.TestServer;

/** The byte counter at the front of a pipeline, on an EmbeddedChannel, against the core of a test server. */
class ByteCounterTest {
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidOrThrow();

    private final TestServer server = new TestServer();

    /** Prices data at one cent per byte, as a tariff with {@code per: 1} would; bills nothing else. */
    private static Pricer perByte(Duration every) {
        return new Pricer() {
            @Override
            public ChargingRecord price(Chargeable e) {
                if (!e.channel().equals("data") || e.quantity() == 0) return null;
                return new ChargingRecord(0, e.at(), e.user(), e.peer(), e.channel(), e.direction(), e.unit(), e.quantity(),
                        BigDecimal.valueOf(e.quantity(), 2), "EUR", "gprs");
            }

            @Override
            public boolean bills(String channel) {
                return channel.equals("data");
            }

            @Override
            public Duration reportInterval() {
                return every;
            }
        };
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<ChargingRecord> records(int atLeast) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<ChargingRecord> r;
        do {
            r = server.context().stores().charging().records(ALICE, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 0, 100);
            if (r.size() >= atLeast) return r;
            Thread.sleep(10);
        } while (System.nanoTime() < until);
        return r;
    }

    private static EmbeddedChannel connection(DataMeter meter) {
        return new EmbeddedChannel(new ByteCounter(meter));
    }

    private static void traffic(EmbeddedChannel ch, int fromClient, int toClient) {
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[fromClient]));
        ch.writeOutbound(Unpooled.wrappedBuffer("x".repeat(toClient).getBytes(StandardCharsets.UTF_8)));
        ch.releaseInbound();
        ch.releaseOutbound();
    }

    @Test
    void nothingIsMeasuredWhenTheTariffBillsNoData() {
        assertThat(DataMeter.create(server.context(), "c2s")).as("no charging module").isNull();
        server.context().charging().setPricer(e -> null);
        assertThat(DataMeter.create(server.context(), "c2s")).as("a pricer that does not say it bills data").isNull();
    }

    @Test
    void theBytesOfAConnectionAreTheAuthenticatedUsersInBothDirectionsAtItsEnd() throws Exception {
        server.context().charging().setPricer(perByte(Duration.ofHours(1)));
        DataMeter meter = DataMeter.create(server.context(), "c2s");
        EmbeddedChannel ch = connection(meter);
        assertThat(DataMeter.of(ch)).isSameAs(meter);
        traffic(ch, 300, 500); // before authentication: counted for the user it turns out to be
        meter.attribute(ALICE);
        traffic(ch, 20, 7);
        ch.close();

        List<ChargingRecord> r = records(2);
        assertThat(r).extracting(ChargingRecord::direction, ChargingRecord::quantity, ChargingRecord::peer, ChargingRecord::unit)
                .containsExactlyInAnyOrder(tuple("out", 320L, "c2s", "byte"),
                        tuple("in", 507L, "c2s", "byte"));
        assertThat(r).allSatisfy(c -> assertThat(c.amount()).isEqualByComparingTo(BigDecimal.valueOf(c.quantity(), 2)));
    }

    @Test
    void aConnectionThatNeverAuthenticatesIsBilledToNobody() throws Exception {
        server.context().charging().setPricer(perByte(Duration.ofHours(1)));
        EmbeddedChannel ch = connection(DataMeter.create(server.context(), "c2s"));
        traffic(ch, 100, 100);
        ch.close();
        Thread.sleep(100);
        assertThat(server.context().stores().charging().records(null, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 0, 100))
                .isEmpty();
    }

    @Test
    void aLongConnectionReportsWhatItCarriedInEachIntervalOnce() throws Exception {
        server.context().charging().setPricer(perByte(Duration.ofMinutes(60)));
        DataMeter meter = DataMeter.create(server.context(), "websocket");
        EmbeddedChannel ch = connection(meter);
        meter.attribute(ALICE);
        traffic(ch, 10, 40);
        ch.advanceTimeBy(59, TimeUnit.MINUTES);
        ch.runScheduledPendingTasks();
        Thread.sleep(100);
        assertThat(records(0)).as("not before the interval").isEmpty();

        ch.advanceTimeBy(1, TimeUnit.MINUTES);
        ch.runScheduledPendingTasks();
        assertThat(records(2)).extracting(ChargingRecord::direction, ChargingRecord::quantity)
                .containsExactlyInAnyOrder(tuple("out", 10L), tuple("in", 40L));

        ch.advanceTimeBy(60, TimeUnit.MINUTES);
        ch.runScheduledPendingTasks();
        traffic(ch, 0, 3); // only what the user received since: no empty "out" record
        ch.close();
        List<ChargingRecord> r = records(3);
        assertThat(r).hasSize(3);
        assertThat(r.get(2).direction()).isEqualTo("in");
        assertThat(r.get(2).quantity()).isEqualTo(3);
        assertThat(r).allSatisfy(c -> assertThat(c.peer()).isEqualTo("websocket"));
    }
}
