package org.passerelle.web.admin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.auth.RateLimiter;
import org.passerelle.core.event.AuthFailed;
import org.passerelle.core.http.HttpCall;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.Jids;

/**
 * Who is calling the admin API or /metrics: a Bearer API token, HTTP Basic with an admin
 * account's JID and password, or the console's session cookie. Failed credentials are counted
 * per IP address (and per account for Basic) in the same limiter as XMPP logins, so guessing a
 * password over HTTP and over XMPP share one allowance; past it the answer is 429.
 *
 * <p>CSRF: a request whose Origin is not this host is refused whatever its credentials. A
 * cookie-authenticated change (any method but GET and HEAD) must also carry the session's CSRF
 * token in {@value #CSRF_HEADER} and an Origin or Referer of this host.
 */
final class AdminAuth {
    static final String COOKIE = "passerelle_admin";
    static final String CSRF_HEADER = "x-csrf-token";
    static final String REALM = "Passerelle admin";

    /** An authenticated administrator, and how they authenticated ({@code bearer}, {@code basic}, {@code console}). */
    record Caller(EntityBareJid admin, String via, String consoleSession) {
    }

    private final ServerContext server;
    private final RateLimiter failures;
    private final ApiTokens tokens;
    private final ConsoleSessions console;

    AdminAuth(ServerContext server, RateLimiter failures, ApiTokens tokens, ConsoleSessions console) {
        this.server = server;
        this.failures = failures;
        this.tokens = tokens;
        this.console = console;
    }

    /** The caller, or an ApiError (401, 403, 429) to answer. {@code changes}: the request changes state. */
    Caller authenticate(HttpCall call, boolean changes) throws ApiError {
        checkOrigin(call);
        String authorization = call.header("authorization").orElse(null);
        if (authorization != null) {
            checkTransport(call);
            checkRate(call);
            if (startsWithIgnoreCase(authorization, "Bearer ")) {
                Optional<EntityBareJid> admin = tokens.check(authorization.substring(7));
                if (admin.isEmpty()) throw failed(call, null, "bearer", "invalid or revoked token");
                return new Caller(admin.get(), "bearer", null);
            }
            if (startsWithIgnoreCase(authorization, "Basic ")) return basic(call, authorization.substring(6).strip());
            throw failed(call, null, "none", "unsupported Authorization scheme");
        }
        Optional<String> cookie = call.cookie(COOKIE);
        if (cookie.isPresent()) {
            ConsoleSessions.Entry e = console.find(cookie.get()).orElseThrow(() ->
                    new ApiError(401, "unauthorized", "the console session has expired; log in again"));
            if (!stillAdmin(e.admin())) {
                console.close(cookie.get());
                throw new ApiError(401, "unauthorized", "this account is no longer an enabled administrator");
            }
            if (changes) checkCsrf(call, e);
            return new Caller(e.admin(), "console", cookie.get());
        }
        throw new ApiError(401, "unauthorized", "credentials required: Authorization: Bearer <token>, or Basic with an admin account");
    }

    private Caller basic(HttpCall call, String encoded) throws ApiError {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw failed(call, null, "basic", "malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        EntityBareJid jid = account(user);
        return login(call, jid, user, colon < 0 ? "" : decoded.substring(colon + 1), "basic");
    }

    /** Checks an admin's JID and password (Basic, or the console's login form). */
    Caller login(HttpCall call, EntityBareJid jid, String claimed, String password, String mechanism) throws ApiError {
        if (jid != null && !failures.allowed("user:" + jid)) throw tooMany(); // the account's allowance, shared with XMPP
        if (jid == null || password.isEmpty() || !server.accounts().verify(jid, password)) {
            if (jid != null) failures.record("user:" + jid);
            throw failed(call, claimed, mechanism, "wrong JID or password");
        }
        if (!server.accounts().isAdmin(jid)) throw ApiError.forbidden(jid + " is not an administrator");
        return new Caller(jid, mechanism, null);
    }

    /** A console session lasts only while its account stays an enabled admin (checked on every request). */
    private boolean stillAdmin(EntityBareJid admin) {
        return server.accounts().find(admin).map(a -> a.admin() && !a.disabled()).orElse(false);
    }

    static EntityBareJid account(String user) {
        try {
            return Jids.parse(user.strip()).asEntityBareJidIfPossible();
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Passwords and tokens travel in clear over plain HTTP: with {@code tls.required} (the default)
     * they are taken there only from this machine (a browser on localhost, a TLS proxy beside us).
     */
    void checkTransport(HttpCall call) throws ApiError {
        if (call.secure() || !server.config().tls().required()) return;
        if (call.remote() != null && call.remote().getAddress().isLoopbackAddress()) return;
        throw ApiError.forbidden("credentials over plain HTTP are accepted only from this machine: use HTTPS");
    }

    void checkRate(HttpCall call) throws ApiError {
        if (!failures.allowed(ipKey(call))) throw tooMany();
    }

    private ApiError failed(HttpCall call, String user, String mechanism, String message) {
        failures.record(ipKey(call));
        server.events().publish(new AuthFailed(server.clock().instant(), user, ip(call), mechanism, "not-authorized"));
        return new ApiError(401, "unauthorized", message);
    }

    private static ApiError tooMany() {
        return new ApiError(429, "too_many_requests", "too many failed logins from here; wait a minute");
    }

    /** The console session's changes: its CSRF token, and this host as Origin (or Referer). */
    static void checkCsrf(HttpCall call, ConsoleSessions.Entry e) throws ApiError {
        String token = call.header(CSRF_HEADER).orElse("");
        if (!java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), e.csrf().getBytes(StandardCharsets.UTF_8))) {
            throw ApiError.forbidden("missing or wrong CSRF token");
        }
        Optional<String> source = call.header("origin").or(() -> call.header("referer"));
        if (source.isEmpty() || !sameHost(call, source.get())) throw ApiError.forbidden("cross-site request refused");
    }

    /** A request from a page of another site is refused, with any credentials. */
    static void checkOrigin(HttpCall call) throws ApiError {
        Optional<String> origin = call.header("origin");
        if (origin.isPresent() && !sameHost(call, origin.get())) throw ApiError.forbidden("cross-site request refused");
    }

    /**
     * Whether the URL (an Origin or Referer) names the host and port the request was sent to. The
     * scheme is not compared: behind a TLS-terminating proxy the page is https and we see http.
     */
    static boolean sameHost(HttpCall call, String url) {
        String host = call.header("host").orElse(null);
        try {
            URI u = URI.create(url);
            if (host == null || u.getHost() == null) return false;
            String authority = u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
            return authority.equalsIgnoreCase(host) || (u.getPort() == defaultPort(u.getScheme()) && u.getHost().equalsIgnoreCase(host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : "http".equalsIgnoreCase(scheme) ? 80 : -2;
    }

    static String ip(HttpCall call) {
        return call.remote() == null ? "?" : call.remote().getAddress().getHostAddress();
    }

    private static String ipKey(HttpCall call) {
        return "ip:" + ip(call); // the same key as XMPP logins from that address
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
