package org.passerelle.web.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;

/** /sessions and /users/{jid}/sessions: who is connected, how and from where; kick one or all of a user's. */
final class SessionsApi {
    /** The stream error a kicked client gets: it may reconnect (a disabled account then fails to log in). */
    static final String KICK_CONDITION = "policy-violation";

    record SessionInfo(String jid, String account, String resource, String transport, String address, String since,
                       boolean available, int priority) {
    }

    private final ServerContext server;
    private final UsersApi users;

    SessionsApi(ServerContext server, UsersApi users) {
        this.server = server;
        this.users = users;
    }

    void register(ApiRoutes routes) {
        routes.add("GET", "/sessions", this::list)
                .add("DELETE", "/users/{jid}/sessions", this::kickAll)
                .add("DELETE", "/users/{jid}/sessions/{resource...}", this::kickOne);
    }

    private HttpAnswer list(ApiRoutes.Request r) throws ApiError {
        int offset = Paging.offset(r.call());
        int limit = Paging.limit(r.call());
        String search = r.call().param("search").map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("");
        String transport = r.call().param("transport").orElse(null);
        List<Session> matching = server.sessions().all().stream()
                .filter(s -> s.jid().toString().toLowerCase(Locale.ROOT).contains(search) || s.remoteAddress().contains(search))
                .filter(s -> transport == null || transport.equals(s.transport()))
                .sorted(Comparator.comparing(s -> s.jid().toString())).toList();
        List<SessionInfo> page = matching.stream().skip(offset).limit(limit).map(SessionsApi::info).toList();
        return Json.answer(200, Map.of("sessions", page, "total", matching.size(), "offset", offset, "limit", limit));
    }

    private HttpAnswer kickAll(ApiRoutes.Request r) throws ApiError {
        EntityBareJid jid = UsersApi.jid(r.param("jid"));
        List<Session> sessions = server.sessions().sessions(jid);
        for (Session s : sessions) s.close(KICK_CONDITION, "disconnected by an administrator");
        return Json.answer(200, Map.of("closed", sessions.size()));
    }

    private HttpAnswer kickOne(ApiRoutes.Request r) throws ApiError {
        EntityBareJid jid = UsersApi.jid(r.param("jid"));
        String resource = r.param("resource");
        Session session = server.sessions().sessions(jid).stream()
                .filter(s -> s.jid().getResourcepart().toString().equals(resource)).findFirst()
                .orElseThrow(() -> ApiError.notFound("no session " + jid + "/" + resource));
        session.close(KICK_CONDITION, "disconnected by an administrator");
        return Json.answer(200, Map.of("closed", 1));
    }

    static SessionInfo info(Session s) {
        return new SessionInfo(s.jid().toString(), s.bareJid().toString(), s.jid().getResourcepart().toString(), s.transport(),
                s.remoteAddress(), s.startedAt() == null ? null : s.startedAt().toString(), s.isAvailable(), s.priority());
    }
}
