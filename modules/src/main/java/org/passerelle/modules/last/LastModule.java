package org.passerelle.modules.last;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.PresenceUnavailable;
import org.passerelle.core.event.SessionEnded;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Subscription;
import org.passerelle.xml.Element;

/** Answers jabber:iq:last for the server and for accounts, and records when accounts go offline. */
@Implements(spec = "XEP-0012", version = "2.0", features = LastLogout.NS, accountFeatures = LastLogout.NS)
public final class LastModule implements Module {
    private ServerContext server;
    private Instant started;

    @Override
    public String name() {
        return "last";
    }

    @Override
    public void start(ModuleContext ctx) {
        server = ctx.server();
        started = server.clock().instant();
        ctx.iq(Destination.SERVER, LastLogout.NS, iq -> {
            checkGet(iq);
            return iq.result(query(Duration.between(started, server.clock().instant()), null));
        });
        ctx.iq(Destination.ACCOUNT, LastLogout.NS, this::account);
        ctx.on(PresenceUnavailable.class, 100, e -> {
            String status = e.presence() == null ? null : e.presence().element().childText("status", Namespaces.CLIENT);
            record(e.session(), status);
            return false;
        });
        ctx.on(SessionEnded.class, 100, e -> {
            // Ended while available: no unavailable presence recorded the time.
            if (e.lastPresence() != null) record(e.session(), null);
            return false;
        });
        ctx.on(AccountDeleted.class, 100, e -> {
            server.stores().keyValue().deleteNamespace(e.account(), LastLogout.NS);
            return false;
        });
    }

    private Stanza account(Stanza iq) throws StanzaException {
        checkGet(iq);
        EntityBareJid owner = iq.to().asEntityBareJidIfPossible();
        if (!server.accounts().exists(owner)) throw new StanzaException("service-unavailable", null);
        if (!iq.from().asBareJid().equals(owner) && !server.stores().roster().item(owner, iq.from().asBareJid())
                .map(RosterItem::subscription).filter(Subscription::hasFrom).isPresent()) {
            throw new StanzaException("forbidden", "only contacts who see the presence may ask");
        }
        if (server.sessions().sessions(owner).stream().anyMatch(Session::isAvailable)) return iq.result(query(Duration.ZERO, null));
        Optional<LastLogout> last = LastLogout.load(server.stores().keyValue(), owner);
        if (last.isEmpty()) throw new StanzaException("item-not-found", "never seen offline");
        return iq.result(query(Duration.between(last.get().at(), server.clock().instant()), last.get().status()));
    }

    /** Records the time unless another resource of the account is still available. */
    private void record(Session session, String status) {
        for (Session other : server.sessions().sessions(session.bareJid())) {
            if (other != session && other.isAvailable()) return;
        }
        new LastLogout(server.clock().instant(), status).save(server.stores().keyValue(), session.bareJid());
    }

    private static Element query(Duration ago, String status) {
        return Element.builder("query", LastLogout.NS).attr("seconds", Long.toString(Math.max(0, ago.toSeconds()))).text(status).build();
    }

    private static void checkGet(Stanza iq) throws StanzaException {
        if (!"get".equals(iq.type())) throw new StanzaException("not-allowed", "last activity is an IQ get");
    }
}
