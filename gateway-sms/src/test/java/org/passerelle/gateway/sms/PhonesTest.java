package org.passerelle.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.stanza.Jids;

class PhonesTest {
    private static final DomainBareJid GW = Jids.of("sms.example.org").asDomainBareJid();

    @Test
    void typedNumbersAreNormalisedToE164() {
        assertThat(Phones.normalise("+33 6 12-34.56 78")).isEqualTo("+33612345678");
        assertThat(Phones.normalise("0033612345678")).isEqualTo("+33612345678");
        assertThat(Phones.normalise("0612345678")).as("national, no country").isNull();
        assertThat(Phones.normalise("+0123456789")).isNull();
        assertThat(Phones.normalise("+1234567890123456")).as("16 digits").isNull();
        assertThat(Phones.fromSmsc("33612345678")).isEqualTo("+33612345678");
    }

    @Test
    void phoneJidsLiveInTheGatewayDomain() {
        assertThat(Phones.jid("+33612345678", GW).toString()).isEqualTo("+33612345678@sms.example.org");
        assertThat(Phones.of(Jids.of("+33612345678@sms.example.org/x"), GW)).isEqualTo("+33612345678");
        assertThat(Phones.of(Jids.of("+33612345678@example.org"), GW)).isNull();
        assertThat(Phones.of(Jids.of("bob@sms.example.org"), GW)).isNull();
    }

    @Test
    void forwardingModes() {
        assertThat(Forwarding.wanted("offline", true)).isTrue();
        assertThat(Forwarding.wanted("offline", false)).isFalse();
        assertThat(Forwarding.wanted("away", false)).isTrue();
        assertThat(Forwarding.wanted("off", true)).isFalse();
    }
}
