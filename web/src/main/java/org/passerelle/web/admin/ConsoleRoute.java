package org.passerelle.web.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.http.HttpCall;
import org.passerelle.core.http.HttpRoute;

/**
 * The web console at {@value #PREFIX}: our own HTML, CSS and JavaScript from the class path (no
 * CDN), and its login, session and logout endpoints. Logging in sets an HttpOnly, SameSite=Strict
 * session cookie (Secure over HTTPS) and returns the CSRF token the console sends with every
 * change. Every answer carries a strict Content-Security-Policy and no-frame, no-sniff and
 * no-referrer headers.
 */
final class ConsoleRoute implements HttpRoute {
    static final String PREFIX = "/admin";
    static final String CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final Map<String, String> FILES = Map.of(
            "/", "console/index.html", "/console.js", "console/console.js", "/console.css", "console/console.css");

    private final AdminAuth auth;
    private final ConsoleSessions sessions;
    private final Map<String, byte[]> files = new java.util.HashMap<>();

    ConsoleRoute(AdminAuth auth, ConsoleSessions sessions) {
        this.auth = auth;
        this.sessions = sessions;
        FILES.forEach((path, resource) -> files.put(path, AdminApi.resource(resource)));
    }

    @Override
    public HttpAnswer handle(HttpCall call) {
        String path = call.rest(PREFIX);
        if (path.isEmpty() || path.equals("/index.html")) path = "/";
        HttpAnswer answer;
        try {
            answer = switch (path) {
                case "/login" -> post(call, this::login);
                case "/logout" -> post(call, this::logout);
                case "/session" -> session(call);
                default -> file(call, path);
            };
        } catch (ApiError e) {
            answer = Json.error(e);
            if (e.status == 429) answer = answer.with("retry-after", "60");
            if (e.status == 401) answer = answer.with("www-authenticate", "Bearer realm=\"" + AdminAuth.REALM + "\"");
        }
        return secured(answer);
    }

    static HttpAnswer secured(HttpAnswer a) {
        return a.with("content-security-policy", CSP).with("x-frame-options", "DENY").with("x-content-type-options", "nosniff")
                .with("referrer-policy", "no-referrer").with("cache-control", "no-store");
    }

    private HttpAnswer file(HttpCall call, String path) throws ApiError {
        byte[] body = files.get(path);
        if (body == null) throw ApiError.notFound("no such page");
        if (!call.method().equals("GET") && !call.method().equals("HEAD")) throw new ApiError(405, "method_not_allowed", "allowed: GET");
        String type = path.endsWith(".js") ? "text/javascript; charset=utf-8"
                : path.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
        return HttpAnswer.of(200, type, body);
    }

    private interface Action {
        HttpAnswer run(HttpCall call) throws ApiError;
    }

    private static HttpAnswer post(HttpCall call, Action action) throws ApiError {
        if (!call.method().equals("POST")) throw new ApiError(405, "method_not_allowed", "allowed: POST");
        return action.run(call);
    }

    /** Login is a change too: it must come from a page of this host (no login CSRF). */
    private HttpAnswer login(HttpCall call) throws ApiError {
        String source = call.header("origin").or(() -> call.header("referer")).orElse("");
        if (!AdminAuth.sameHost(call, source)) throw ApiError.forbidden("cross-site request refused");
        auth.checkTransport(call);
        auth.checkRate(call);
        ObjectNode body = Json.body(call);
        String user = Json.text(body, "jid");
        String password = body.path("password").asText("");
        EntityBareJid jid = AdminAuth.account(user);
        AdminAuth.Caller caller = auth.login(call, jid, user, password, "console");
        String id = sessions.open(caller.admin());
        String csrf = sessions.find(id).orElseThrow().csrf();
        return Json.answer(200, Map.of("jid", caller.admin().toString(), "csrf", csrf))
                .with("set-cookie", cookie(call, id, -1));
    }

    private HttpAnswer logout(HttpCall call) throws ApiError {
        String id = call.cookie(AdminAuth.COOKIE).orElseThrow(() -> new ApiError(401, "unauthorized", "not logged in"));
        ConsoleSessions.Entry e = sessions.find(id).orElseThrow(() -> new ApiError(401, "unauthorized", "not logged in"));
        AdminAuth.checkCsrf(call, e);
        sessions.close(id);
        return Json.answer(200, Map.of("loggedOut", true)).with("set-cookie", cookie(call, "", 0));
    }

    /** Who is logged in, and the CSRF token again (the page may have been reloaded). */
    private HttpAnswer session(HttpCall call) throws ApiError {
        if (!call.method().equals("GET")) throw new ApiError(405, "method_not_allowed", "allowed: GET");
        ConsoleSessions.Entry e = call.cookie(AdminAuth.COOKIE).flatMap(sessions::find)
                .orElseThrow(() -> new ApiError(401, "unauthorized", "not logged in"));
        return Json.answer(200, Map.of("jid", e.admin().toString(), "csrf", e.csrf()));
    }

    private static String cookie(HttpCall call, String value, int maxAge) {
        return AdminAuth.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (call.secure() ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }
}
