package org.passerelle.core.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.passerelle.xml.XmlWriter;

class DelaysTest {
    @Test
    void stampsAreUtcToTheMillisecond() {
        assertThat(Delays.stamp(Instant.parse("2026-11-26T08:14:27.123456Z"))).isEqualTo("2026-11-26T08:14:27.123Z");
        assertThat(Delays.stamp(Instant.parse("2026-11-26T08:14:27Z"))).isEqualTo("2026-11-26T08:14:27Z");
    }

    @Test
    void anyOffsetIsReadAndNonsenseIsEmpty() {
        assertThat(Delays.parse("2026-11-26T09:14:27+01:00")).contains(Instant.parse("2026-11-26T08:14:27Z"));
        assertThat(Delays.parse(" 2026-11-26T08:14:27.5Z ")).contains(Instant.parse("2026-11-26T08:14:27.500Z"));
        assertThat(Delays.parse("2026-11-26")).isEmpty();
        assertThat(Delays.parse("yesterday")).isEmpty();
        assertThat(Delays.parse(null)).isEmpty();
    }

    @Test
    void theDelayElementCarriesWhoAndWhen() {
        assertThat(XmlWriter.toXml(Delays.delay("localhost", Instant.parse("2026-11-26T08:14:27Z"), "Offline Storage")))
                .isEqualTo("<delay xmlns=\"urn:xmpp:delay\" from=\"localhost\" stamp=\"2026-11-26T08:14:27Z\">Offline Storage</delay>");
        assertThat(XmlWriter.toXml(Delays.delay(null, Instant.parse("2026-11-26T08:14:27Z"), null)))
                .isEqualTo("<delay xmlns=\"urn:xmpp:delay\" stamp=\"2026-11-26T08:14:27Z\"/>");
    }
}
