package org.passerelle.web.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.RoomDestroyRequest;
import org.passerelle.core.event.RoomListQuery;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.module.ServerContext;

/**
 * /rooms: the chat rooms (XEP-0045) with their occupant counts, and destroying one. Asked of the
 * room services through core events, so this works with whatever module hosts rooms, or none.
 */
final class RoomsApi {
    private final ServerContext server;

    RoomsApi(ServerContext server) {
        this.server = server;
    }

    void register(ApiRoutes routes) {
        routes.add("GET", "/rooms", r -> {
            RoomListQuery q = new RoomListQuery(new ArrayList<>());
            server.events().publish(q);
            q.rooms().sort(Comparator.comparing(RoomListQuery.Room::jid));
            return Json.answer(200, Map.of("rooms", q.rooms()));
        }).add("DELETE", "/rooms/{jid}", this::destroy);
    }

    private HttpAnswer destroy(ApiRoutes.Request r) throws ApiError {
        EntityBareJid room = UsersApi.jid(r.param("jid"));
        String reason = r.call().param("reason").orElse("destroyed by an administrator");
        if (!server.events().publish(new RoomDestroyRequest(room, reason))) throw ApiError.notFound("no room " + room);
        return HttpAnswer.of(204, "application/json", new byte[0]);
    }
}
