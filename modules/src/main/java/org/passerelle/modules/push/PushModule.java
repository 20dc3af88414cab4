package org.passerelle.modules.push;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.AppAway;
import org.passerelle.core.event.SessionResumed;
import org.passerelle.core.event.SessionStarted;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/**
 * XEP-0357 push notifications: clients enable and disable app servers for their account
 * ({@link Registrations}); while the account's apps are away ({@link AppAway}) the
 * {@link Notifier} publishes a summary to each of them.
 */
@Implements(spec = "XEP-0357", version = "0.4.1",
        note = "summary with message-count and last-message-sender, last-message-body only when the client asks "
                + "(include-body); one notification per registration per interval; no pending-subscription-count")
public final class PushModule implements Module {
    static final String NS = "urn:xmpp:push:0";
    /** After the SMS gateway (10), which consumes the event when the user chose SMS instead: never both. */
    static final int AWAY_PRIORITY = 50;

    private Registrations registrations;
    private Notifier notifier;

    @Override
    public String name() {
        return "push";
    }

    @Override
    public void start(ModuleContext ctx) {
        PushOptions options = ctx.options(PushOptions.class);
        if (!options.enabled()) return;
        ServerContext server = ctx.server();
        registrations = new Registrations(server.stores().keyValue(), options.maxRegistrationsPerAccount());
        notifier = new Notifier(server, registrations, options);
        ctx.iq(Destination.ACCOUNT, NS, this::handle);
        ctx.on(AppAway.class, AWAY_PRIORITY, notifier::away);
        ctx.on(SessionStarted.class, 100, e -> back(e.session().bareJid()));
        ctx.on(SessionResumed.class, 100, e -> back(e.session().bareJid()));
        ctx.on(AccountDeleted.class, 100, e -> {
            registrations.forget(e.account());
            notifier.forget(e.account());
            return false;
        });
        ctx.local(5, (destination, stanza) -> {
            if (destination == Destination.ACCOUNT && stanza.isMessage()) remoteDisable(stanza);
            return stanza;
        });
        // Here rather than in @Implements: advertised only when the module runs with push on.
        server.features().addAccount(NS);
    }

    private boolean back(EntityBareJid account) {
        notifier.back(account);
        return false;
    }

    /** §5 enable and §6 disable, by a client of the account for itself. */
    private Stanza handle(Stanza iq) throws StanzaException {
        EntityBareJid account = iq.to().asEntityBareJidOrThrow();
        if (iq.from() == null || !iq.from().hasResource() || !iq.from().asBareJid().equals(account)) {
            throw new StanzaException("forbidden", "a client enables push for its own account");
        }
        if (!"set".equals(iq.type())) throw new StanzaException("bad-request", "push is enabled and disabled with an IQ set");
        Element op = iq.element().firstElement();
        switch (op.name()) {
            case "enable" -> registrations.add(account, Registration.enable(op, iq.from().getResourceOrThrow().toString()));
            case "disable" -> {
                Jid jid = Registration.appServer(op);
                String node = op.attr("node");
                registrations.remove(account, r -> r.jid().equals(jid) && (node == null || node.equals(r.node())));
            }
            default -> throw new StanzaException("bad-request", "expected enable or disable");
        }
        return iq.result(null);
    }

    /** §8: the app server tells the user it removed the node (a pubsub affiliation 'none'); the message still goes on to the user. */
    private void remoteDisable(Stanza message) {
        Element pubsub = message.element().child("pubsub", Notifier.PUBSUB);
        Element affiliation = pubsub == null ? null : pubsub.child("affiliation", Notifier.PUBSUB);
        if (affiliation == null || !"none".equals(affiliation.attr("affiliation")) || message.from() == null) return;
        EntityBareJid account = message.to().asEntityBareJidOrThrow();
        String node = pubsub.attr("node");
        registrations.remove(account, r -> r.jid().equals(message.from()) && r.node().equals(node));
    }
}
