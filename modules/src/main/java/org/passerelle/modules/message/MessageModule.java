package org.passerelle.modules.message;

import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.stanza.StanzaKind;

/** Message delivery rules for local accounts (RFC 6121 §8.5). */
@Implements(spec = "RFC 6121", note = "§8.5 message delivery: highest non-negative priority, all resources when tied")
public final class MessageModule implements Module {
    /** After filters and copies (blocking, carbons) that want to see messages first; before the router's default. */
    static final int PRIORITY = 1000;

    @Override
    public String name() {
        return "message";
    }

    @Override
    public void start(ModuleContext ctx) {
        MessageDelivery delivery = new MessageDelivery(ctx.server());
        ctx.handle(Destination.ACCOUNT, StanzaKind.MESSAGE, PRIORITY, delivery::toAccount);
        ctx.handle(Destination.RESOURCE, StanzaKind.MESSAGE, PRIORITY, delivery::toResource);
        ctx.inbound(0, new MissingAccounts(ctx.server()));
    }
}
