package org.passerelle.core.module;

import java.util.function.Function;
import java.util.function.Supplier;
import org.jxmpp.jid.DomainBareJid;
import org.passerelle.xml.Element;

/**
 * An element a module adds to {@code <stream:features/>}: before authentication (e.g. in-band
 * registration) or after it (e.g. roster versioning, client state indication, entity caps).
 * The function is asked each time features are sent, with the hosted domain the client opened
 * the stream to, so it can reflect the current state and per-domain settings; null leaves the
 * feature out.
 */
public record StreamFeature(boolean beforeAuth, Function<DomainBareJid, Element> element) {
    /** A feature that is the same for every domain. */
    public StreamFeature(boolean beforeAuth, Supplier<Element> element) {
        this(beforeAuth, domain -> element.get());
    }
}
