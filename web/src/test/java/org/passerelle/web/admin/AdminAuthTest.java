package org.passerelle.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.web.admin.AdminFixture.json;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may call the API: tokens (live, wrong, revoked), Basic (admin, non-admin, wrong password), rate limit, origin. */
class AdminAuthTest {
    private AdminFixture f;

    @AfterEach
    void stop() {
        if (f != null) f.close();
    }

    @Test
    void withoutCredentialsIs401WithAChallengeAndAJsonError() throws Exception {
        f = new AdminFixture();
        var res = f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")));
        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.headers().firstValue("www-authenticate").orElse("")).startsWith("Basic realm=").contains("Bearer");
        assertThat(json(res.body()).path("error").asText()).isEqualTo("unauthorized");
        assertThat(res.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void aTokenWorksUntilRevokedAndAWrongOneIsRefused() throws Exception {
        f = new AdminFixture();
        var created = f.post("/api/v1/tokens", "{\"name\": \"ci\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String token = json(created.body()).path("token").asText();
        String id = json(created.body()).path("id").asText();
        assertThat(token).startsWith("psr.").contains("." + id + ".");

        var ok = f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Authorization", "Bearer " + token));
        assertThat(ok.statusCode()).isEqualTo(200);
        var listed = json(f.get("/api/v1/tokens").body()).path("tokens");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("name").asText()).isEqualTo("ci");
        assertThat(listed.get(0).path("lastUsed").isTextual()).as("last use recorded").isTrue();
        assertThat(listed.toString()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));

        String wrong = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThat(f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Authorization", "Bearer " + wrong)).statusCode())
                .isEqualTo(401);
        assertThat(f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Authorization", "Bearer nonsense")).statusCode())
                .isEqualTo(401);

        assertThat(f.delete("/api/v1/tokens/" + id).statusCode()).isEqualTo(204);
        assertThat(f.delete("/api/v1/tokens/" + id).statusCode()).isEqualTo(404);
        var revoked = f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Authorization", "Bearer " + token));
        assertThat(revoked.statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenStopsWorkingWhenItsAccountIsNoLongerAnAdmin() throws Exception {
        f = new AdminFixture();
        String token = new ApiTokens(f.server.stores().keyValue(), f.server.accounts(), f.server.clock())
                .create(org.passerelle.core.stanza.Jids.of(AdminFixture.ADMIN).asEntityBareJidOrThrow(), "cli");
        var req = HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Authorization", "Bearer " + token);
        assertThat(f.send(req).statusCode()).isEqualTo(200);
        f.server.accounts().setAdmin(org.passerelle.core.stanza.Jids.of(AdminFixture.ADMIN).asEntityBareJidOrThrow(), false);
        assertThat(f.send(req).statusCode()).isEqualTo(401);
    }

    @Test
    void basicNeedsAnAdminAndTheRightPassword() throws Exception {
        f = new AdminFixture();
        var nonAdmin = f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Authorization", AdminFixture.basic("bob@localhost", "bob-secret")));
        assertThat(nonAdmin.statusCode()).isEqualTo(403);
        assertThat(json(nonAdmin.body()).path("error").asText()).isEqualTo("forbidden");
        var badPassword = f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Authorization", AdminFixture.basic(AdminFixture.ADMIN, "nope")));
        assertThat(badPassword.statusCode()).isEqualTo(401);
        assertThat(badPassword.headers().firstValue("www-authenticate")).isPresent();
        var failures = json(f.get("/api/v1/auth-failures").body()).path("failures");
        assertThat(failures.get(0).path("user").asText()).isEqualTo(AdminFixture.ADMIN);
        assertThat(failures.get(0).path("address").asText()).isEqualTo("127.0.0.1");
        assertThat(failures.get(0).path("mechanism").asText()).isEqualTo("basic");
    }

    @Test
    void failedLoginsFromOneAddressAreRateLimited() throws Exception {
        f = new AdminFixture("limits: {loginFailuresPerMinute: 2}\n");
        for (int i = 0; i < 2; i++) {
            assertThat(f.send(HttpRequest.newBuilder(f.at("/api/v1/stats")).header("Authorization", AdminFixture.basic("x@localhost", "bad")))
                    .statusCode()).isEqualTo(401);
        }
        var limited = f.get("/api/v1/stats"); // even with the right password, for a minute
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("60");
        assertThat(json(limited.body()).path("error").asText()).isEqualTo("too_many_requests");
    }

    @Test
    void aForeignOriginIsRefusedWhateverTheCredentialsAndNothingChanges() throws Exception {
        f = new AdminFixture();
        var res = f.send(f.asAdmin("/api/v1/users").header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jid\": \"eve@localhost\", \"password\": \"x\"}")));
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(f.get("/api/v1/users/eve@localhost").statusCode()).isEqualTo(404);
        var sameHost = f.send(f.asAdmin("/api/v1/stats").header("Origin", f.base()));
        assertThat(sameHost.statusCode()).isEqualTo(200);
    }

    @Test
    void overPlainHttpCredentialsComeOnlyFromThisMachineWhileTlsIsRequired() throws Exception {
        java.net.InetAddress external = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(external != null, "this machine has no address but loopback");
        f = new AdminFixture("limits: {loginFailuresPerMinute: 1000}\n", external.getHostAddress());
        var refused = f.get("/api/v1/stats");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused.body()).path("message").asText()).contains("HTTPS");
        f.close();
        f = new AdminFixture("limits: {loginFailuresPerMinute: 1000}\ntls: {required: false}\n", external.getHostAddress());
        assertThat(f.get("/api/v1/stats").statusCode()).isEqualTo(200);
    }
}
