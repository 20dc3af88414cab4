package org.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.passerelle.core.testing.Xml;
import org.passerelle.microbench.Samples;
import org.passerelle.xmpp.c2s.StreamOutput;

class EncodeBenchmarkTest {
    @ParameterizedTest
    @EnumSource(Samples.class)
    void bothTransportsWriteTheStanzaAsItReadsBack(Samples sample) {
        EncodeBenchmark.Sample s = new EncodeBenchmark.Sample();
        s.stanza = sample;
        s.setup();
        EncodeBenchmark benchmark = new EncodeBenchmark();
        String frame = FrameWriter.frame(s.message);

        assertThat(Xml.parse(frame)).isEqualTo(((StreamOutput.StreamElement) s.message).element());
        assertThat(benchmark.websocket(s)).isEqualTo(frame.getBytes(StandardCharsets.UTF_8).length);
        // On TCP the stanza inherits jabber:client from the stream: the frame's xmlns is the difference.
        assertThat(benchmark.tcp(s)).isEqualTo(frame.getBytes(StandardCharsets.UTF_8).length - " xmlns=\"jabber:client\"".length());
    }
}
