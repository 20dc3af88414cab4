package org.passerelle.web.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.auth.Accounts;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.store.Account;

/** /users: list and search, get, create, disable and enable, delete, reset the password. */
final class UsersApi {
    /** Searching reads the accounts page by page; it stops here on a very large server. */
    static final int SEARCH_SCAN_LIMIT = 100_000;
    private static final int PAGE = 500;

    record User(String jid, boolean admin, boolean disabled, String created, int sessions) {
    }

    private final ServerContext server;
    private final ConsoleSessions console;

    UsersApi(ServerContext server, ConsoleSessions console) {
        this.server = server;
        this.console = console;
    }

    void register(ApiRoutes routes) {
        routes.add("GET", "/users", this::list)
                .add("POST", "/users", this::create)
                .add("GET", "/users/{jid}", r -> Json.answer(200, user(existing(r.param("jid")))))
                .add("DELETE", "/users/{jid}", this::delete)
                .add("POST", "/users/{jid}/disable", r -> disable(r, true))
                .add("POST", "/users/{jid}/enable", r -> disable(r, false))
                .add("POST", "/users/{jid}/password", this::password);
    }

    private HttpAnswer list(ApiRoutes.Request r) throws ApiError {
        int offset = Paging.offset(r.call());
        int limit = Paging.limit(r.call());
        String search = r.call().param("search").map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("");
        List<String> domains = domains(r.call().param("domain").orElse(null));
        Accounts accounts = server.accounts();
        List<EntityBareJid> page = new ArrayList<>();
        long total = 0;
        if (search.isEmpty()) {
            for (String d : domains) {
                long n = accounts.count(d);
                if (page.size() < limit && offset < total + n) {
                    int from = (int) Math.max(0, offset - total);
                    page.addAll(accounts.list(d, from, limit - page.size()));
                }
                total += n;
            }
        } else {
            int scanned = 0;
            for (String d : domains) {
                for (int from = 0; scanned < SEARCH_SCAN_LIMIT; from += PAGE) {
                    List<EntityBareJid> chunk = accounts.list(d, from, PAGE);
                    scanned += chunk.size();
                    for (EntityBareJid j : chunk) {
                        if (!j.toString().contains(search)) continue;
                        if (total >= offset && page.size() < limit) page.add(j);
                        total++;
                    }
                    if (chunk.size() < PAGE) break;
                }
            }
        }
        List<User> users = new ArrayList<>();
        for (EntityBareJid j : page) accounts.find(j).ifPresent(a -> users.add(user(a)));
        return Json.answer(200, Map.of("users", users, "total", total, "offset", offset, "limit", limit));
    }

    private HttpAnswer create(ApiRoutes.Request r) throws ApiError {
        ObjectNode body = Json.body(r.call());
        EntityBareJid jid = jid(Json.text(body, "jid"));
        String password = Json.text(body, "password");
        boolean admin = Json.flag(body, "admin");
        if (!server.domains().isLocal(jid.asDomainBareJid())) throw ApiError.badRequest(jid.getDomain() + " is not hosted here");
        boolean created;
        try {
            created = server.accounts().create(jid, password, admin);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        if (!created) throw new ApiError(409, "conflict", jid + " exists already");
        return Json.answer(201, user(server.accounts().find(jid).orElseThrow())).with("location", "/api/v1/users/" + jid);
    }

    private HttpAnswer delete(ApiRoutes.Request r) throws ApiError {
        EntityBareJid jid = existing(r.param("jid")).jid();
        server.accounts().delete(jid);
        console.closeAll(jid);
        closeSessions(jid, "the account was deleted");
        return HttpAnswer.of(204, "application/json", new byte[0]);
    }

    private HttpAnswer disable(ApiRoutes.Request r, boolean disabled) throws ApiError {
        EntityBareJid jid = existing(r.param("jid")).jid();
        if (disabled && jid.equals(r.caller().admin())) throw new ApiError(409, "conflict", "you cannot disable your own account");
        server.accounts().setDisabled(jid, disabled);
        if (disabled) {
            console.closeAll(jid);
            closeSessions(jid, "the account was disabled");
        }
        return Json.answer(200, user(server.accounts().find(jid).orElseThrow()));
    }

    private HttpAnswer password(ApiRoutes.Request r) throws ApiError {
        EntityBareJid jid = existing(r.param("jid")).jid();
        String password = Json.text(Json.body(r.call()), "password");
        try {
            server.accounts().changePassword(jid, password);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        return HttpAnswer.of(204, "application/json", new byte[0]);
    }

    /** Ends every session of the account (RFC 6120 stream error), as XEP-0133 does on delete and disable. */
    int closeSessions(EntityBareJid jid, String why) {
        List<Session> sessions = server.sessions().sessions(jid);
        for (Session s : sessions) s.close("not-authorized", why);
        return sessions.size();
    }

    Account existing(String jid) throws ApiError {
        return server.accounts().find(jid(jid)).orElseThrow(() -> ApiError.notFound("no account " + jid));
    }

    private User user(Account a) {
        return new User(a.jid().toString(), a.admin(), a.disabled(), a.created() == null ? null : a.created().toString(),
                server.sessions().sessions(a.jid()).size());
    }

    static EntityBareJid jid(String text) throws ApiError {
        EntityBareJid jid = AdminAuth.account(text);
        if (jid == null) throw ApiError.badRequest("'" + text + "' is not an account JID like bob@example.org");
        return jid;
    }

    private List<String> domains(String domain) throws ApiError {
        List<String> all = server.domains().all().stream().map(DomainBareJid::toString).toList();
        if (domain == null) return all;
        if (!all.contains(domain)) throw ApiError.notFound("no hosted domain " + domain);
        return List.of(domain);
    }
}
