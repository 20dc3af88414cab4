package org.passerelle.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepStatsTest {
    private static final long MS = 1_000_000;

    @Test
    void stampsRoundTripAndForeignTextIsRejected() {
        Stamp s = new Stamp(3, 123_456_789_012L);
        assertThat(Stamp.decode(s.encode())).isEqualTo(s);
        assertThat(Stamp.decode("hello")).isNull();
        assertThat(Stamp.decode("bench x 12")).isNull();
        assertThat(Stamp.decode("bench 1")).isNull();
        assertThat(Stamp.decode(null)).isNull();
    }

    @Test
    void latencyIsCountedForTheStepTheStanzaWasSentIn() {
        StepStats stats = new StepStats(2);
        long t0 = 1_000_000 * MS;
        for (int i = 1; i <= 100; i++) stats.receive(new Stamp(0, t0).encode(), t0 + i * MS);
        stats.receive(new Stamp(1, t0).encode(), t0 + 500 * MS);
        assertThat(stats.arrived()).isEqualTo(101);
        assertThat(stats.step(0).count()).isEqualTo(100);
        assertThat(stats.step(0).percentileMillis(50)).isBetween(49.9, 50.1);
        assertThat(stats.step(0).percentileMillis(99)).isBetween(98.9, 99.1);
        assertThat(stats.step(1).percentileMillis(50)).isBetween(499.0, 501.0);
    }

    @Test
    void unknownStepsAndForeignTextsAreCountedApart() {
        StepStats stats = new StepStats(1);
        assertThat(stats.receive(new Stamp(7, 0).encode(), 10)).isFalse();
        assertThat(stats.receive("away", 10)).isFalse();
        assertThat(stats.arrived()).isZero();
        assertThat(stats.foreign()).isEqualTo(2);
    }
}
