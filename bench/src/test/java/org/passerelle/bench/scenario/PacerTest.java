package org.passerelle.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {
    private static final long MS = 1_000_000;

    @Test
    void releasesOperationsAtTheRateSinceTheStart() {
        Pacer p = new Pacer(1000, 0, 1000);
        assertThat(p.take(0)).isZero();
        assertThat(p.take(10 * MS)).isEqualTo(10);
        assertThat(p.take(10 * MS)).isZero();
        assertThat(p.take(25 * MS)).isEqualTo(15);
        assertThat(p.issued()).isEqualTo(25);
    }

    @Test
    void aLateTickCatchesUpAtMostABurstAtATime() {
        Pacer p = new Pacer(1000, 0, 50);
        assertThat(p.take(1000 * MS)).isEqualTo(50);
        assertThat(p.take(1000 * MS)).isEqualTo(50);
        assertThat(p.issued()).isEqualTo(100);
    }

    @Test
    void slowRatesReleaseWholeOperationsOnly() {
        Pacer p = new Pacer(3, 5 * MS, 10);
        assertThat(p.take(5 * MS + 333 * MS)).isZero();
        assertThat(p.take(5 * MS + 334 * MS)).isEqualTo(1);
        assertThat(p.take(5 * MS + 1000 * MS)).isEqualTo(2);
    }
}
