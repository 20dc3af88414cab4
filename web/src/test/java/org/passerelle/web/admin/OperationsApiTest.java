package org.passerelle.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.web.admin.AdminFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.event.RoomDestroyRequest;
import org.passerelle.core.event.RoomListQuery;
import org.passerelle.core.stanza.StanzaKind;
import org.passerelle.core.testing.TestSession;

/** Sessions (list, kick), announcements, rooms through their events, statistics, reload. */
class OperationsApiTest {
    private final AdminFixture f;

    OperationsApiTest() throws Exception {
        f = new AdminFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void sessionsAreListedSearchedAndKicked() throws Exception {
        TestSession phone = f.online("bob@localhost/phone");
        TestSession laptop = f.online("bob@localhost/lap/top");
        TestSession admin = f.online("admin@localhost/desk");
        var all = json(f.get("/api/v1/sessions").body());
        assertThat(all.path("total").asInt()).isEqualTo(3);
        JsonNode first = all.path("sessions").get(0);
        assertThat(first.path("jid").asText()).isEqualTo("admin@localhost/desk");
        assertThat(first.path("transport").asText()).isEqualTo("other"); // a test session; frontends say c2s, websocket
        assertThat(first.path("since").asText()).isNotEmpty();
        assertThat(json(f.get("/api/v1/sessions?search=bob").body()).path("total").asInt()).isEqualTo(2);
        assertThat(json(f.get("/api/v1/sessions?transport=c2s").body()).path("total").asInt()).isZero();

        var one = f.delete("/api/v1/users/bob@localhost/sessions/lap/top");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(laptop.closedWith()).isEqualTo("policy-violation");
        assertThat(phone.closedWith()).isNull();
        assertThat(f.delete("/api/v1/users/bob@localhost/sessions/tablet").statusCode()).isEqualTo(404);

        var every = f.delete("/api/v1/users/bob@localhost/sessions");
        assertThat(json(every.body()).path("closed").asInt()).isEqualTo(2); // TestSessions stay registered until removed
        assertThat(phone.closedWith()).isEqualTo("policy-violation");
        assertThat(admin.closedWith()).isNull();
    }

    @Test
    void anAnnouncementReachesEveryOnlineUserOfTheDomain() throws Exception {
        TestSession bob = f.online("bob@localhost/phone");
        TestSession admin = f.online("admin@localhost/desk");
        var sent = f.post("/api/v1/announcements", "{\"message\": \"Maintenance at noon\", \"domain\": \"localhost\"}");
        assertThat(json(sent.body()).path("sessions").asInt()).isEqualTo(2);
        for (TestSession s : List.of(bob, admin)) {
            var m = s.next();
            assertThat(m.type()).isEqualTo("headline");
            assertThat(m.from().toString()).isEqualTo("localhost");
            assertThat(m.element().toString()).contains("Maintenance at noon");
        }
        assertThat(f.post("/api/v1/announcements", "{\"message\": \"x\", \"domain\": \"elsewhere.example\"}").statusCode()).isEqualTo(404);
        assertThat(f.post("/api/v1/announcements", "{\"domain\": \"localhost\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void roomsComeFromTheRoomServicesEvents() throws Exception {
        List<String> destroyed = new ArrayList<>();
        // Stands where the MUC module listens (its own test covers its side: MucOperatorTest).
        f.server.events().on(RoomListQuery.class, 200, q -> q.rooms().add(new RoomListQuery.Room("tea@conference.localhost", "Tea", 3, true, true)));
        f.server.events().on(RoomDestroyRequest.class, 200, r -> r.room().toString().equals("tea@conference.localhost") && destroyed.add(r.reason()));
        var rooms = json(f.get("/api/v1/rooms").body()).path("rooms");
        assertThat(rooms.get(0).path("occupants").asInt()).isEqualTo(3);
        assertThat(f.delete("/api/v1/rooms/tea@conference.localhost?reason=spam").statusCode()).isEqualTo(204);
        assertThat(destroyed).containsExactly("spam");
        assertThat(f.delete("/api/v1/rooms/coffee@conference.localhost").statusCode()).isEqualTo(404);
    }

    @Test
    void statisticsCountAccountsSessionsAndStanzas() throws Exception {
        f.online("bob@localhost/phone");
        f.online("bob@localhost/laptop");
        f.server.metrics().stanzaIn(StanzaKind.MESSAGE);
        f.server.metrics().stanzaIn(StanzaKind.MESSAGE);
        f.server.metrics().stanzaOut(StanzaKind.PRESENCE);
        var stats = json(f.get("/api/v1/stats").body());
        assertThat(stats.path("accounts").path("localhost").asInt()).isEqualTo(2);
        assertThat(stats.path("sessions").path("total").asInt()).isEqualTo(2);
        assertThat(stats.path("sessions").path("byTransport").path("other").asInt()).isEqualTo(2);
        assertThat(stats.path("onlineUsers").asInt()).isEqualTo(1);
        assertThat(stats.path("stanzas").path("in").path("message").asInt()).isEqualTo(2);
        assertThat(stats.path("stanzas").path("out").path("presence").asInt()).isEqualTo(1);
        assertThat(stats.path("memory").path("maxBytes").asLong()).isPositive();
        assertThat(stats.path("version").asText()).isNotEmpty();
        var traffic = json(f.get("/api/v1/stats/traffic").body());
        assertThat(traffic.path("messagesPerMinute")).hasSize(60);
        assertThat(traffic.path("messagesPerHour")).hasSize(24);
    }

    @Test
    void configReloadSaysWhyItIsNotDone() throws Exception {
        var res = f.post("/api/v1/config/reload", "{}");
        assertThat(res.statusCode()).isEqualTo(501);
        assertThat(json(res.body()).path("message").asText()).contains("restart");
    }
}
