package org.passerelle.modules.version;

import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/** Answers jabber:iq:version sent to a hosted domain. */
@Implements(spec = "XEP-0092", version = "1.1", features = VersionModule.NS)
public final class VersionModule implements Module {
    static final String NS = "jabber:iq:version";

    @Override
    public String name() {
        return "version";
    }

    @Override
    public void start(ModuleContext ctx) {
        Element answer = answer(ctx.options(VersionOptions.class).os());
        ctx.iq(Destination.SERVER, NS, iq -> {
            if (!"get".equals(iq.type())) throw new StanzaException("not-allowed", "software version is an IQ get");
            return iq.result(answer);
        });
    }

    static Element answer(boolean withOs) {
        String version = VersionModule.class.getPackage().getImplementationVersion();
        Element.Builder q = Element.builder("query", NS).textChild("name", NS, "Passerelle")
                .textChild("version", NS, version == null ? "dev" : version);
        if (withOs) q.textChild("os", NS, System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return q.build();
    }
}
