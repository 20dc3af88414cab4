package org.passerelle.modules.muc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.event.PlaceBanQuery;
import org.passerelle.core.event.PresenceUnavailable;
import org.passerelle.core.event.PublicPlacesWanted;
import org.passerelle.core.event.RoomDestroyRequest;
import org.passerelle.core.event.RoomListQuery;
import org.passerelle.core.event.SessionEnded;
import org.passerelle.core.module.DiscoItem;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.Jids;

/**
 * Multi-user chat: a service at {@code <subdomain>.<domain>} for each hosted domain, registered
 * with the router as a component domain and listed in the domain's disco#items. Clients leave
 * their rooms when they go offline. Public rooms with a location are offered to location searches
 * ({@link RoomPlaces}).
 */
@Implements(spec = "XEP-0045", version = "1.35.1",
        note = "room archives come from the mam module (GroupchatMessage, RoomIqRequest, RoomDestroyed events); no room logging")
@Implements(spec = "XEP-0421", version = "1.0.0", note = "occupant ids in every room")
@Implements(spec = "XEP-0410", version = "1.1.0", note = "the room answers pings to one's own occupant JID")
@Implements(spec = "XEP-0249", version = "1.2",
        note = "direct invitations pass from client to client; the rooms accept the invitees")
public final class MucModule implements Module {
    @Override
    public String name() {
        return "muc";
    }

    @Override
    public void start(ModuleContext ctx) throws Exception {
        ServerContext server = ctx.server();
        MucOptions options = ctx.options(MucOptions.class);
        List<MucService> services = new ArrayList<>();
        List<DomainBareJid> serviceJids = new ArrayList<>();
        for (DomainBareJid domain : server.domains().all()) {
            serviceJids.add(Jids.of(options.subdomain() + "." + domain).asDomainBareJid());
        }
        Set<DomainBareJid> allServices = Set.copyOf(serviceJids);
        for (DomainBareJid jid : serviceJids) {
            MucService service = new MucService(jid, options, server, allServices);
            service.load();
            services.add(service);
            ctx.onStop(server.router().registerDomain(service.jid(), service::handle));
            ctx.discoItem(new DiscoItem(service.jid().toString(), null, "Chatrooms"));
        }
        ctx.on(PresenceUnavailable.class, 200, e -> {
            for (MucService s : services) s.offline(e.session().jid(), e.presence());
            return false;
        });
        ctx.on(PublicPlacesWanted.class, 200, e -> {
            for (MucService s : services) s.announcePlaces();
            return false;
        });
        ctx.on(PlaceBanQuery.class, 200, e -> services.stream().anyMatch(s -> s.bans(e.place(), e.user())));
        ctx.on(RoomListQuery.class, 200, e -> {
            for (MucService s : services) s.list(e.rooms());
            return false;
        });
        ctx.on(RoomDestroyRequest.class, 200, e -> services.stream().anyMatch(s -> s.destroy(e.room(), e.reason())));
        ctx.on(SessionEnded.class, 200, e -> {
            for (MucService s : services) s.offline(e.session().jid(), null);
            return false;
        });
    }
}
