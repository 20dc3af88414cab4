package org.passerelle.xmpp.c2s;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.store.ScramHash;
import org.passerelle.xml.Element;
import org.passerelle.xmpp.sasl.ScramMechanism;

/** What {@code <stream:features/>} offers at each step of negotiation (RFC 6120 §4.3.2). */
final class StreamFeatures {
    static final String SM = "urn:xmpp:sm:3";
    private static final String SASL_CB = "urn:xmpp:sasl-cb:0";

    private StreamFeatures() {
    }

    /** SASL mechanisms in order of preference; -PLUS only with channel binding data, PLAIN only under TLS. */
    static List<String> mechanisms(boolean tls, boolean channelBinding) {
        List<String> out = new ArrayList<>();
        if (tls && channelBinding) {
            out.add(ScramMechanism.name(ScramHash.SHA_256, true));
            out.add(ScramMechanism.name(ScramHash.SHA_1, true));
        }
        out.add(ScramMechanism.name(ScramHash.SHA_256, false));
        out.add(ScramMechanism.name(ScramHash.SHA_1, false));
        if (tls) out.add("PLAIN");
        return out;
    }

    static Element beforeAuth(boolean tls, boolean tlsAvailable, boolean tlsRequired, boolean channelBinding,
                              List<Element> moduleFeatures) {
        Element.Builder f = Element.builder("features", Namespaces.STREAMS);
        if (!tls && tlsAvailable) {
            Element.Builder st = Element.builder("starttls", Namespaces.TLS);
            if (tlsRequired) st.child(Element.of("required", Namespaces.TLS));
            f.child(st.build());
        }
        if (tls || !tlsRequired) {
            Element.Builder mechs = Element.builder("mechanisms", Namespaces.SASL);
            for (String m : mechanisms(tls, channelBinding)) mechs.textChild("mechanism", Namespaces.SASL, m);
            f.child(mechs.build());
            if (tls && channelBinding) {
                f.child(Element.builder("sasl-channel-binding", SASL_CB)
                        .child(Element.builder("channel-binding", SASL_CB).attr("type", ScramMechanism.CHANNEL_BINDING).build())
                        .build());
            }
            f.children(moduleFeatures);
        }
        return f.build();
    }

    static Element afterAuth(List<Element> moduleFeatures) {
        return Element.builder("features", Namespaces.STREAMS)
                .child(Element.of("bind", Namespaces.BIND))
                .child(Element.builder("session", Namespaces.SESSION).child(Element.of("optional", Namespaces.SESSION)).build())
                .child(Element.of("sm", SM))
                .children(moduleFeatures)
                .build();
    }
}
