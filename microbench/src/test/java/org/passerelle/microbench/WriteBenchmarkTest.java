package org.passerelle.microbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.passerelle.core.testing.Xml;

class WriteBenchmarkTest {
    @ParameterizedTest
    @EnumSource(Samples.class)
    void writesTheStanzaAsItReadsBack(Samples sample) {
        WriteBenchmark.Sample s = new WriteBenchmark.Sample();
        s.stanza = sample;
        s.parse();
        WriteBenchmark benchmark = new WriteBenchmark();

        String text = benchmark.text(s);
        byte[] bytes = benchmark.bytes(s);
        int nettyBytes = benchmark.netty(s);

        assertThat(Xml.parse(text)).isEqualTo(s.element);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(nettyBytes).isEqualTo(bytes.length);
    }
}
