package org.passerelle.modules.offline;

import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.InitialPresence;
import org.passerelle.core.event.MessageUndeliverable;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;

/** Offline message storage and delivery (XEP-0160), with XEP-0203 delays. */
@Implements(spec = "XEP-0160", version = "1.0.1", features = {"msgoffline"})
@Implements(spec = "XEP-0203", version = "2.0", note = "delay stamped on offline messages")
public final class OfflineModule implements Module {
    @Override
    public String name() {
        return "offline";
    }

    @Override
    public void start(ModuleContext ctx) {
        OfflineQueue queue = new OfflineQueue(ctx.server());
        ctx.server().metrics().offlineQueued(ctx.server().stores().offline()::total, 10_000);
        ctx.on(MessageUndeliverable.class, 100, queue::undeliverable);
        ctx.on(InitialPresence.class, 100, queue::initialPresence);
        ctx.on(AccountDeleted.class, 100, e -> queue.deleteAll(e.account()));
    }
}
