package org.passerelle.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;

/** The console: pages with security headers, login to a cookie session, CSRF on every change, logout. */
class ConsoleTest {
    private final AdminFixture f;

    ConsoleTest() throws Exception {
        f = new AdminFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private HttpResponse<String> login(String jid, String password, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.at("/admin/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jid\": \"" + jid + "\", \"password\": \"" + password + "\"}"));
        if (origin != null) b.header("Origin", origin);
        return f.send(b);
    }

    /** The session cookie (name=value) set by a login. */
    private static String cookie(HttpResponse<String> res) {
        return res.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    }

    private HttpResponse<String> createUser(String cookie, String csrf, String origin, String jid) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.at("/api/v1/users")).header("Cookie", cookie)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jid\": \"" + jid + "\", \"password\": \"pw\"}"));
        if (csrf != null) b.header("X-CSRF-Token", csrf);
        if (origin != null) b.header("Origin", origin);
        return f.send(b);
    }

    private boolean exists(String jid) {
        return f.server.accounts().exists(Jids.of(jid).asEntityBareJidOrThrow());
    }

    @Test
    void pagesAreServedWithSecurityHeaders() throws Exception {
        for (String path : new String[] {"/admin", "/admin/", "/admin/console.js", "/admin/console.css"}) {
            var res = f.send(HttpRequest.newBuilder(f.at(path)));
            assertThat(res.statusCode()).as(path).isEqualTo(200);
            assertThat(res.headers().firstValue("content-security-policy").orElse("")).contains("default-src 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(res.headers().firstValue("x-content-type-options")).hasValue("nosniff");
            assertThat(res.headers().firstValue("referrer-policy")).hasValue("no-referrer");
        }
        assertThat(f.send(HttpRequest.newBuilder(f.at("/admin/"))).body()).contains("data-test=\"login-form\"").contains("/admin/console.js");
        assertThat(f.send(HttpRequest.newBuilder(f.at("/admin/secret.txt"))).statusCode()).isEqualTo(404);
    }

    @Test
    void loginNeedsAnAdminTheRightPasswordAndThisHost() throws Exception {
        assertThat(login("bob@localhost", "bob-secret", f.base()).statusCode()).isEqualTo(403);
        assertThat(login(AdminFixture.ADMIN, "wrong", f.base()).statusCode()).isEqualTo(401);
        assertThat(login(AdminFixture.ADMIN, AdminFixture.ADMIN_PASSWORD, "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(login(AdminFixture.ADMIN, AdminFixture.ADMIN_PASSWORD, null).statusCode()).as("no origin").isEqualTo(403);
        var ok = login(AdminFixture.ADMIN, AdminFixture.ADMIN_PASSWORD, f.base());
        assertThat(ok.statusCode()).isEqualTo(200);
        String setCookie = ok.headers().firstValue("set-cookie").orElseThrow();
        assertThat(setCookie).startsWith(AdminAuth.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .doesNotContain("Secure"); // plain HTTP here; over HTTPS it is Secure
        assertThat(cookie(ok).length()).isGreaterThan(AdminAuth.COOKIE.length() + 40);
    }

    @Test
    void changesNeedTheCsrfTokenAndThisHostAsOrigin() throws Exception {
        var ok = login(AdminFixture.ADMIN, AdminFixture.ADMIN_PASSWORD, f.base());
        String cookie = cookie(ok);
        String csrf = Json.MAPPER.readTree(ok.body()).path("csrf").asText();

        // Reading needs only the cookie.
        var stats = f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Cookie", cookie));
        assertThat(stats.statusCode()).isEqualTo(200);
        JsonNode session = Json.MAPPER.readTree(f.send(HttpRequest.newBuilder(f.at("/admin/session")).header("Cookie", cookie)).body());
        assertThat(session.path("csrf").asText()).isEqualTo(csrf);

        assertThat(createUser(cookie, null, f.base(), "dan@localhost").statusCode()).as("no token").isEqualTo(403);
        assertThat(createUser(cookie, "wrong", f.base(), "dan@localhost").statusCode()).as("wrong token").isEqualTo(403);
        assertThat(createUser(cookie, csrf, "https://evil.example", "dan@localhost").statusCode()).as("foreign origin").isEqualTo(403);
        assertThat(createUser(cookie, csrf, null, "dan@localhost").statusCode()).as("no origin").isEqualTo(403);
        assertThat(exists("dan@localhost")).as("nothing changed").isFalse();

        var referer = f.send(HttpRequest.newBuilder(f.at("/api/v1/users")).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .header("Referer", f.base() + "/admin/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jid\": \"erin@localhost\", \"password\": \"pw\"}")));
        assertThat(referer.statusCode()).as("a same-host Referer when there is no Origin").isEqualTo(201);
        assertThat(createUser(cookie, csrf, f.base(), "dan@localhost").statusCode()).isEqualTo(201);
        assertThat(exists("dan@localhost")).isTrue();
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        var ok = login(AdminFixture.ADMIN, AdminFixture.ADMIN_PASSWORD, f.base());
        String cookie = cookie(ok);
        String csrf = Json.MAPPER.readTree(ok.body()).path("csrf").asText();
        var noCsrf = f.send(HttpRequest.newBuilder(f.at("/admin/logout")).header("Cookie", cookie).header("Origin", f.base())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        var out = f.send(HttpRequest.newBuilder(f.at("/admin/logout")).header("Cookie", cookie).header("Origin", f.base())
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().firstValue("set-cookie").orElse("")).contains("Max-Age=0");
        var after = f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Cookie", cookie));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("www-authenticate").orElse("")).as("no browser password dialog").doesNotContain("Basic");
    }

    @Test
    void aSessionEndsWhenItsAccountIsNoLongerAnAdmin() throws Exception {
        var ok = login(AdminFixture.ADMIN, AdminFixture.ADMIN_PASSWORD, f.base());
        String cookie = cookie(ok);
        assertThat(f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Cookie", cookie)).statusCode()).isEqualTo(200);
        f.server.accounts().setAdmin(Jids.of(AdminFixture.ADMIN).asEntityBareJidOrThrow(), false);
        assertThat(f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Cookie", cookie)).statusCode()).isEqualTo(401);
        f.server.accounts().setAdmin(Jids.of(AdminFixture.ADMIN).asEntityBareJidOrThrow(), true);
        assertThat(f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Cookie", cookie)).statusCode())
                .as("the session was closed, not just refused once").isEqualTo(401);
    }

    @Test
    void anIdleSessionExpires() throws Exception {
        ConsoleSessions sessions = new ConsoleSessions(50, f.server.clock());
        String id = sessions.open(Jids.of(AdminFixture.ADMIN).asEntityBareJidOrThrow());
        assertThat(sessions.find(id)).isPresent();
        Thread.sleep(80);
        assertThat(sessions.find(id)).isEmpty();
    }
}
