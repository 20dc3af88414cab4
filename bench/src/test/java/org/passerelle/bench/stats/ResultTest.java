package org.passerelle.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTest {
    @Test
    void oneJsonLineWithMetricsInOrder() {
        Result r = Result.builder("chat@1000").put("sent_per_s", 998L).put("p99", 1.25).put("whole", 3.0)
                .put("tls", true).put("note", "a \"quoted\"\nline").put("nan", Double.NaN).build();
        assertThat(r.toJson()).isEqualTo("{\"scenario\":\"chat@1000\",\"sent_per_s\":998,\"p99\":1.25,\"whole\":3,"
                + "\"tls\":true,\"note\":\"a \\\"quoted\\\"\\nline\",\"nan\":null}");
    }

    @Test
    void tableHasOneColumnPerResultAndBlanksForMissingMetrics() {
        Result a = Result.builder("a").put("x", 1).put("y", 22.5).build();
        Result b = Result.builder("bb").put("x", 333).build();
        assertThat(Table.format(List.of(a, b))).isEqualTo("""
                metric     a   bb
                x          1  333
                y       22.5
                """);
    }

    @Test
    void latenciesReportPercentilesInMilliseconds() {
        Latencies l = new Latencies();
        assertThat(l.percentileMillis(99)).isZero();
        for (int i = 1; i <= 1000; i++) l.recordNanos(i * 1_000_000L);
        Result.Builder r = Result.builder("x");
        l.addTo(r, "lat");
        Result res = r.build();
        assertThat(res.number("lat_p50_ms")).isBetween(499.0, 501.0);
        assertThat(res.number("lat_p99_ms")).isBetween(989.0, 991.0);
        assertThat(res.number("lat_p999_ms")).isBetween(998.0, 1000.0);
        assertThat(res.number("lat_max_ms")).isBetween(999.0, 1001.0);
    }
}
