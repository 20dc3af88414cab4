package org.passerelle.modules.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/** Answers urn:xmpp:time sent to a hosted domain. */
@Implements(spec = "XEP-0202", version = "2.0", features = TimeModule.NS)
public final class TimeModule implements Module {
    static final String NS = "urn:xmpp:time";

    @Override
    public String name() {
        return "time";
    }

    @Override
    public void start(ModuleContext ctx) {
        Clock clock = ctx.server().clock();
        ctx.iq(Destination.SERVER, NS, iq -> {
            if (!"get".equals(iq.type())) throw new StanzaException("not-allowed", "entity time is an IQ get");
            Instant now = clock.instant();
            return iq.result(answer(now, clock.getZone().getRules().getOffset(now)));
        });
    }

    /** XEP-0082 formats: {@code tzo} as ±hh:mm (never "Z", which some clients misread), {@code utc} with a Z. */
    static Element answer(Instant now, ZoneOffset offset) {
        String tzo = offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
        return Element.builder("time", NS).textChild("tzo", NS, tzo)
                .textChild("utc", NS, DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.MILLIS))).build();
    }
}
