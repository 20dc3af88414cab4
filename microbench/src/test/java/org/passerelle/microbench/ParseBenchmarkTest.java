package org.passerelle.microbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.xml.Element;

class ParseBenchmarkTest {
    @ParameterizedTest
    @CsvSource({"MESSAGE,0", "MESSAGE,1", "PRESENCE,64", "ROSTER,1024", "ROSTER,4096", "ROSTER,1"})
    void eachOperationReadsOneWholeStanza(Samples sample, int chunk) throws Exception {
        ParseBenchmark.OpenStream s = new ParseBenchmark.OpenStream();
        s.stanza = sample;
        s.chunk = chunk;
        s.open();
        ParseBenchmark benchmark = new ParseBenchmark();

        Element first = benchmark.stanza(s);
        Element second = benchmark.stanza(s);

        assertThat(s.elements).isEqualTo(2);
        assertThat(second).isNotSameAs(first);
        assertThat(second).isEqualTo(sample.element());
    }

    @Test
    void theRosterHasFiftyItemsAndTheMessageABodyOfAboutAHundredBytes() {
        assertThat(Samples.ROSTER.element().child("query", "jabber:iq:roster").elements()).hasSize(50);
        assertThat(Samples.MESSAGE.element().childText("body", "jabber:client")).hasSizeBetween(90, 110);
    }

    @Test
    void newStreamReadsTheMessage() throws Exception {
        ParseBenchmark.NewStream s = new ParseBenchmark.NewStream();
        s.prepare();

        Element e = new ParseBenchmark().newStream(s);

        assertThat(e).isEqualTo(Samples.MESSAGE.element());
    }
}
