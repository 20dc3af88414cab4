package org.passerelle.modules.roster;

import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.RosterItemChanged;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.StreamFeature;
import org.passerelle.core.routing.Destination;
import org.passerelle.xml.Element;

/** Roster management, pushes and versioning (RFC 6121 §2). */
@Implements(spec = "RFC 6121", note = "§2 roster management, with versioning (§2.6)")
@Implements(spec = "XEP-0237", version = "1.3",
        note = "obsolete, folded into RFC 6121 §2.6; on a version mismatch the whole roster is sent")
public final class RosterModule implements Module {
    @Override
    public String name() {
        return "roster";
    }

    @Override
    public void start(ModuleContext ctx) {
        RosterOptions options = ctx.options(RosterOptions.class);
        RosterRemoval removal = new RosterRemoval(ctx.server());
        ctx.iq(Destination.ACCOUNT, RosterXml.NS, new RosterRequests(ctx.server(), options, removal));
        ctx.on(RosterItemChanged.class, 100, new RosterPushes(ctx.server(), options.versioning())::on);
        ctx.on(AccountDeleted.class, 100, removal::accountDeleted);
        if (options.versioning()) {
            ctx.streamFeature(new StreamFeature(false, () -> Element.of("ver", RosterXml.VERSIONING_FEATURE)));
        }
    }
}
