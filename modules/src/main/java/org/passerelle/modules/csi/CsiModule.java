package org.passerelle.modules.csi;

import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.StreamFeature;
import org.passerelle.core.session.Session;
import org.passerelle.core.session.SessionKey;
import org.passerelle.core.event.SessionResumed;
import org.passerelle.xml.Element;

/** Tracks each client's active/inactive state and holds presence updates while it is inactive. */
@Implements(spec = "XEP-0352", version = "1.0.0")
public final class CsiModule implements Module {
    static final String NS = "urn:xmpp:csi:0";
    static final SessionKey<CsiQueue> QUEUE = SessionKey.of("csi.queue");

    @Override
    public String name() {
        return "csi";
    }

    @Override
    public void start(ModuleContext ctx) {
        int maxHeld = ctx.options(CsiOptions.class).maxHeld();
        Element feature = Element.of("csi", NS);
        ctx.streamFeature(new StreamFeature(false, () -> feature));
        ctx.streamElement(NS, (session, element) -> {
            switch (element.name()) {
                case "inactive" -> queue(session, maxHeld).setInactive(true);
                case "active" -> becomeActive(session);
                default -> { } // nothing else is defined in this namespace
            }
        });
        // A resumed stream starts active, like any new stream: held presence goes out now.
        ctx.on(SessionResumed.class, 0, e -> {
            becomeActive(e.session());
            return false;
        });
        ctx.delivery(1000, (session, stanza) -> {
            CsiQueue q = session.get(QUEUE);
            return q == null ? stanza : q.offer(stanza);
        });
    }

    private static void becomeActive(Session session) {
        CsiQueue q = session.get(QUEUE);
        if (q != null) q.setInactive(false);
    }

    /** Created on the session's first {@code <inactive/>}, on its own serial worker. */
    private static CsiQueue queue(Session session, int maxHeld) {
        CsiQueue q = session.get(QUEUE);
        if (q == null) {
            q = new CsiQueue(session, maxHeld);
            session.set(QUEUE, q);
        }
        return q;
    }
}
