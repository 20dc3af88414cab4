package org.passerelle.modules.caps;

import java.util.List;
import org.passerelle.core.module.Features;
import org.passerelle.core.module.Identity;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.StreamFeature;
import org.passerelle.xml.Element;

/** Announces the server's capabilities hash in the stream features after authentication. */
@Implements(spec = "XEP-0115", version = "1.6.0", features = CapsModule.NS,
        note = "the server's own capabilities, and local clients' (SHA-1 verified) for PEP notifications; "
                + "no caps optimization (#optimize) of clients' presence")
public final class CapsModule implements Module {
    static final String NS = "http://jabber.org/protocol/caps";
    static final String NODE = "https://passerelle.im";

    private Features features;

    @Override
    public String name() {
        return "caps";
    }

    @Override
    public void start(ModuleContext ctx) {
        features = ctx.server().features();
        ctx.streamFeature(new StreamFeature(false, this::element));
        ctx.infoNode(() -> NODE + "#" + ver());
        // Before the presence module (1000), which consumes broadcast presence.
        ctx.inbound(500, new ClientCapsTracker(ctx.server())::intercept);
    }

    /** Asked each time features are sent: modules started after this one are included. */
    private Element element() {
        if (features.identities().isEmpty()) return null;
        return Element.builder("c", NS).attr("hash", "sha-1").attr("node", NODE).attr("ver", ver()).build();
    }

    /** The hash of what the server's disco#info holds now (see the disco module). */
    String ver() {
        Element.Builder q = Element.builder("query", VerificationString.DISCO_INFO);
        List<Identity> identities = features.identities();
        for (Identity id : identities) {
            q.child(Element.builder("identity", VerificationString.DISCO_INFO).attr("category", id.category())
                    .attr("type", id.type()).attr("name", id.name()).build());
        }
        for (String var : features.server()) q.child(Element.builder("feature", VerificationString.DISCO_INFO).attr("var", var).build());
        q.children(features.forms());
        return VerificationString.sha1(q.build());
    }
}
