package org.passerelle.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.web.admin.AdminFixture.json;

import java.net.http.HttpRequest;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.testing.TestSession;

/** /users: create, conflicts, bad input, search and paging, disable and enable, password, delete. */
class UsersApiTest {
    private final AdminFixture f;

    UsersApiTest() throws Exception {
        f = new AdminFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static EntityBareJid jid(String s) {
        return Jids.of(s).asEntityBareJidOrThrow();
    }

    @Test
    void createGetAndConflict() throws Exception {
        var created = f.post("/api/v1/users", "{\"jid\": \"carol@localhost\", \"password\": \"pw-carol\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("location")).hasValue("/api/v1/users/carol@localhost");
        assertThat(json(created.body()).path("admin").asBoolean()).isFalse();
        assertThat(f.server.accounts().verify(jid("carol@localhost"), "pw-carol")).isTrue();

        var got = json(f.get("/api/v1/users/carol@localhost").body());
        assertThat(got.path("jid").asText()).isEqualTo("carol@localhost");
        assertThat(got.path("created").asText()).isNotEmpty();

        var again = f.post("/api/v1/users", "{\"jid\": \"carol@localhost\", \"password\": \"other\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again.body()).path("error").asText()).isEqualTo("conflict");
        assertThat(f.server.accounts().verify(jid("carol@localhost"), "pw-carol")).as("unchanged").isTrue();
    }

    @Test
    void badInputIsRefusedWithTheRightStatus() throws Exception {
        assertThat(f.post("/api/v1/users", "{\"jid\": \"carol@localhost\", ").statusCode()).as("malformed").isEqualTo(400);
        assertThat(f.post("/api/v1/users", "[1, 2]").statusCode()).as("not an object").isEqualTo(400);
        assertThat(f.post("/api/v1/users", "{\"jid\": \"carol@localhost\"}").statusCode()).as("no password").isEqualTo(400);
        assertThat(f.post("/api/v1/users", "{\"jid\": \"not a jid@@\", \"password\": \"x\"}").statusCode()).isEqualTo(400);
        assertThat(f.post("/api/v1/users", "{\"jid\": \"carol@elsewhere.example\", \"password\": \"x\"}").statusCode())
                .as("a domain not hosted").isEqualTo(400);
        var form = f.send(f.asAdmin("/api/v1/users").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("jid=carol@localhost&password=x")));
        assertThat(form.statusCode()).isEqualTo(415);
        var big = f.post("/api/v1/users", "{\"jid\": \"carol@localhost\", \"password\": \"" + "x".repeat(70_000) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(f.server.accounts().exists(jid("carol@localhost"))).isFalse();
        assertThat(f.get("/api/v1/users/nobody@localhost").statusCode()).isEqualTo(404);
        assertThat(f.get("/api/v1/nothing-here").statusCode()).isEqualTo(404);
        var wrongMethod = f.send(f.asAdmin("/api/v1/stats").DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).hasValue("GET");
        assertThat(f.get("/api/v1/users?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void listSearchesAndPages() throws Exception {
        for (String u : new String[] {"ann", "anna", "annie", "zed"}) f.server.accounts().create(jid(u + "@localhost"), "pw", false);
        var all = json(f.get("/api/v1/users?limit=2&offset=1").body());
        assertThat(all.path("total").asInt()).isEqualTo(6);
        assertThat(all.path("users")).hasSize(2);
        var found = json(f.get("/api/v1/users?search=ANN&limit=2").body());
        assertThat(found.path("total").asInt()).isEqualTo(3);
        assertThat(found.path("users").findValuesAsText("jid")).containsExactly("ann@localhost", "anna@localhost");
        var next = json(f.get("/api/v1/users?search=ann&offset=2").body());
        assertThat(next.path("users").findValuesAsText("jid")).containsExactly("annie@localhost");
        assertThat(f.get("/api/v1/users?domain=elsewhere.example").statusCode()).isEqualTo(404);
    }

    @Test
    void disablingEndsTheSessionsAndStopsLoginsUntilEnabled() throws Exception {
        TestSession bob = f.online("bob@localhost/phone");
        var disabled = f.post("/api/v1/users/bob@localhost/disable", "");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled.body()).path("disabled").asBoolean()).isTrue();
        assertThat(bob.closedWith()).isEqualTo("not-authorized");
        assertThat(f.server.accounts().verify(jid("bob@localhost"), "bob-secret")).isFalse();

        assertThat(f.post("/api/v1/users/bob@localhost/enable", "{}").statusCode()).isEqualTo(200);
        assertThat(f.server.accounts().verify(jid("bob@localhost"), "bob-secret")).isTrue();
        assertThat(f.post("/api/v1/users/admin@localhost/disable", "").statusCode()).as("not oneself").isEqualTo(409);
        assertThat(f.post("/api/v1/users/nobody@localhost/disable", "").statusCode()).isEqualTo(404);
    }

    @Test
    void passwordResetAndDelete() throws Exception {
        assertThat(f.post("/api/v1/users/bob@localhost/password", "{\"password\": \"new-one\"}").statusCode()).isEqualTo(204);
        assertThat(f.server.accounts().verify(jid("bob@localhost"), "new-one")).isTrue();
        assertThat(f.post("/api/v1/users/bob@localhost/password", "{}").statusCode()).isEqualTo(400);

        TestSession bob = f.online("bob@localhost/phone");
        assertThat(f.delete("/api/v1/users/bob@localhost").statusCode()).isEqualTo(204);
        assertThat(bob.closedWith()).isEqualTo("not-authorized");
        assertThat(f.server.accounts().exists(jid("bob@localhost"))).isFalse();
        assertThat(f.delete("/api/v1/users/bob@localhost").statusCode()).isEqualTo(404);
    }
}
