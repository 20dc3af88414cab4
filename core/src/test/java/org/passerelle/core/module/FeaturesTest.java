package org.passerelle.core.module;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;
import org.passerelle.xml.Element;

class FeaturesTest {
    private static final Element REGISTER = Element.of("register", "http://jabber.org/features/iq-register");
    private static final Element VER = Element.of("ver", "urn:xmpp:features:rosterver");

    @Test
    void streamFeaturesAreAskedPerDomainAndByPhase() {
        Features features = new Features();
        features.addStreamFeature(new StreamFeature(true, d -> d.toString().equals("open.example") ? REGISTER : null));
        features.addStreamFeature(new StreamFeature(false, () -> VER));

        assertThat(features.streamFeatures(false, Jids.of("open.example").asDomainBareJid())).containsExactly(REGISTER);
        assertThat(features.streamFeatures(false, Jids.of("closed.example").asDomainBareJid())).isEmpty();
        assertThat(features.streamFeatures(true, Jids.of("closed.example").asDomainBareJid())).containsExactly(VER);
    }
}
