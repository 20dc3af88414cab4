package org.passerelle.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    @Test
    void jsonLinesReadBackWhatResultsWrite() {
        Result r = Result.builder("passerelle:login").put("n", 3L).put("rate", 12.5).put("tls", true)
                .put("why", "a \"b\"\nc").put("none", null).build();
        Result back = JsonLines.parse(List.of("noise", "result: " + r.toJson())).getFirst();
        assertThat(back).isEqualTo(r);
    }

    @Test
    void serversSideBySideWithTheFirstServersRatios() {
        List<Result> results = JsonLines.parse(List.of(
                "{\"scenario\":\"passerelle:login\",\"logins_per_s\":300,\"p99\":20}",
                "{\"scenario\":\"passerelle:chat@1000\",\"x\":1}",
                "{\"scenario\":\"ejabberd:login\",\"logins_per_s\":150,\"p99\":40}",
                "{\"scenario\":\"prosody:login\",\"logins_per_s\":100}"));
        assertThat(Comparison.table(results)).isEqualTo("""
                scenario  metric        passerelle  ejabberd  prosody  passerelle/ejabberd  passerelle/prosody
                login     logins_per_s         300       150      100                 2.00                3.00
                login     p99                   20        40                          0.50
                """);
    }
}
