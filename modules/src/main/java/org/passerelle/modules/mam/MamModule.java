package org.passerelle.modules.mam;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.GroupchatMessage;
import org.passerelle.core.event.RoomDestroyed;
import org.passerelle.core.event.RoomIqRequest;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;

/**
 * Message archives of accounts and of MUC rooms: archiving hooks, the query, preference and
 * metadata IQs, retention.
 */
@Implements(spec = "XEP-0313", version = "1.1.3", accountFeatures = {MamModule.NS, MamModule.EXTENDED},
        roomFeatures = {MamModule.NS, MamModule.EXTENDED, StanzaIds.NS},
        note = "one-to-one messages of local accounts and groupchat messages of MUC rooms; RSM index is not supported")
@Implements(spec = "XEP-0359", version = "0.7.0", features = StanzaIds.NS,
        note = "stanza-id on messages archived for the recipient and on room messages")
@Implements(spec = "XEP-0441", version = "0.2.0", note = "archiving preferences")
@Implements(spec = "XEP-0059", version = "1.0", note = "max, after, before in MAM queries; no index")
public final class MamModule implements Module {
    static final String NS = "urn:xmpp:mam:2";
    static final String EXTENDED = "urn:xmpp:mam:2#extended";
    /** After blocking (10) refused what it refuses; before carbons (100) copy the message. */
    private static final int INBOUND_PRIORITY = 50;

    private ServerContext server;
    private Preferences prefs;
    private ArchiveQueries queries;

    @Override
    public String name() {
        return "mam";
    }

    @Override
    public void start(ModuleContext ctx) {
        server = ctx.server();
        MamOptions options = ctx.options(MamOptions.class);
        prefs = new Preferences(server.stores().keyValue(), ArchivePrefs.Mode.of(options.defaultPrefs()));
        queries = new ArchiveQueries(server.stores().archive(), server.router(), options);
        Archiver archiver = new Archiver(server, prefs);
        ctx.inbound(INBOUND_PRIORITY, archiver::sent);
        ctx.local(100, archiver::received);
        ctx.iq(Destination.ACCOUNT, NS, this::handle);
        RoomArchive rooms = new RoomArchive(server.stores().archive(), server.router(), queries);
        ctx.on(GroupchatMessage.class, 100, rooms::message);
        ctx.on(RoomIqRequest.class, 100, rooms::request);
        ctx.on(RoomDestroyed.class, 100, e -> {
            server.stores().archive().deleteAll(e.room());
            return false;
        });
        ctx.on(AccountDeleted.class, 100, e -> {
            server.stores().archive().deleteAll(e.account());
            prefs.forget(e.account());
            return false;
        });
        Retention retention = new Retention(server.stores().archive(), server.clock(), options);
        if (retention.needed()) {
            long every = options.cleanupMinutes();
            ScheduledFuture<?> timer = server.scheduler().scheduleWithFixedDelay(
                    () -> server.workers().execute(retention), 1, every, TimeUnit.MINUTES);
            ctx.onStop(() -> timer.cancel(false));
        }
    }

    /** Only the owner reads and configures an account's archive. */
    private Stanza handle(Stanza iq) throws StanzaException {
        EntityBareJid owner = iq.to().asEntityBareJidOrThrow();
        if (iq.from() == null || !iq.from().asBareJid().equals(owner)) throw new StanzaException("forbidden", "not your archive");
        return switch (iq.element().firstElement().name()) {
            case "query" -> queries.query(owner, iq);
            case "prefs" -> prefs.handle(iq, owner);
            case "metadata" -> queries.metadata(owner, iq);
            default -> throw new StanzaException("feature-not-implemented", null);
        };
    }
}
