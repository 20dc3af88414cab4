package org.passerelle.modules.nearby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GeoTest {
    @Test
    void haversineMatchesKnownDistances() {
        Geo paris = new Geo(48.8566, 2.3522);
        Geo london = new Geo(51.5074, -0.1278);
        assertThat(paris.distanceKm(london)).isCloseTo(343.5, within(1.0));
        assertThat(paris.distanceKm(paris)).isZero();
        // A quarter of the equator.
        assertThat(new Geo(0, 0).distanceKm(new Geo(0, 90))).isCloseTo(10_007.5, within(1.0));
        assertThat(new Geo(0, 179.5).distanceKm(new Geo(0, -179.5))).as("across the antimeridian").isCloseTo(111.2, within(0.5));
    }

    @Test
    void roundingSnapsToTheGrid() {
        Geo g = new Geo(48.8566, -2.3522);
        assertThat(g.rounded(new BigDecimal("0.01"))).isEqualTo(new Geo(48.86, -2.35));
        assertThat(g.rounded(new BigDecimal("0.1"))).isEqualTo(new Geo(48.9, -2.4));
        assertThat(g.rounded(BigDecimal.ONE)).isEqualTo(new Geo(49, -2));
        assertThat(Geo.format(2.3, new BigDecimal("0.01"))).isEqualTo("2.30");
        assertThat(Geo.format(49, BigDecimal.ONE)).isEqualTo("49");
    }

    @Test
    void invalidCoordinatesAreRejected() {
        assertThat(Geo.valid(90, 180)).isTrue();
        assertThat(Geo.valid(90.01, 0)).isFalse();
        assertThat(Geo.valid(0, -180.01)).isFalse();
        assertThat(Geo.valid(Double.NaN, 0)).isFalse();
    }
}
