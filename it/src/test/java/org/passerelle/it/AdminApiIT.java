package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;

/** The admin API and console against the whole server, with Smack clients on the other side. */
class AdminApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("root@localhost:r00t-pw".getBytes(StandardCharsets.UTF_8));
    private static ItServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Rooms.parseOccupantIds();
        server = ItServer.start();
        server.server().context().accounts().create(Jids.of("root@localhost").asEntityBareJidOrThrow(), "r00t-pw", true);
        for (String u : new String[] {"alice", "kim", "carol", "dora", "wendy"}) server.user(u, u + "-pw");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.server().webPort(false);
    }

    private static HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", ADMIN);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.BodyPublisher json(String s) {
        return HttpRequest.BodyPublishers.ofString(s);
    }

    @Test
    void aSmackUserIsListedWithItsTransportAndAnnouncementsReachIt() throws Exception {
        XMPPTCPConnection alice = server.connect("alice", "alice-pw", "phone");
        try (Inbox<Message> inbox = Inbox.messages(alice)) {
            JsonNode sessions = JSON.readTree(send(admin("/api/v1/sessions?search=alice")).body()).path("sessions");
            assertThat(sessions).hasSize(1);
            assertThat(sessions.get(0).path("jid").asText()).isEqualTo("alice@localhost/phone");
            assertThat(sessions.get(0).path("transport").asText()).isEqualTo("c2s");
            assertThat(sessions.get(0).path("address").asText()).isEqualTo("127.0.0.1");

            var sent = send(admin("/api/v1/announcements").header("Content-Type", "application/json")
                    .POST(json("{\"message\": \"Server restarts at noon\", \"domain\": \"localhost\"}")));
            assertThat(sent.statusCode()).isEqualTo(200);
            Message m = inbox.next();
            assertThat(m.getType()).isEqualTo(Message.Type.headline);
            assertThat(m.getBody()).isEqualTo("Server restarts at noon");
            assertThat(m.getFrom().toString()).isEqualTo("localhost");

            String metrics = send(admin("/metrics")).body();
            assertThat(metrics).containsPattern("passerelle_sessions\\{transport=\"c2s\"} [1-9]");
            assertThat(metrics).contains("passerelle_stanzas_in_total{kind=\"presence\"}");
        } finally {
            alice.disconnect();
        }
    }

    @Test
    void aKickClosesTheSmackConnection() throws Exception {
        XMPPTCPConnection kim = server.connect("kim", "kim-pw", "laptop");
        Await.until("kim's session", () -> !server.server().context().sessions()
                .sessions(Jids.of("kim@localhost").asEntityBareJidOrThrow()).isEmpty());
        var kicked = send(admin("/api/v1/users/kim@localhost/sessions/laptop").DELETE());
        assertThat(kicked.statusCode()).isEqualTo(200);
        Await.until("Smack sees the connection closed", () -> !kim.isConnected());
        Await.until("the session is gone", () -> server.server().context().sessions()
                .sessions(Jids.of("kim@localhost").asEntityBareJidOrThrow()).isEmpty());
    }

    @Test
    void aDisabledAccountCannotLogInUntilEnabled() throws Exception {
        XMPPTCPConnection carol = server.connect("carol", "carol-pw", "desk");
        assertThat(send(admin("/api/v1/users/carol@localhost/disable").header("Content-Type", "application/json")
                .POST(json(""))).statusCode()).isEqualTo(200);
        Await.until("the disabled account's connection is closed", () -> !carol.isConnected());
        assertThatThrownBy(() -> server.connect("carol", "carol-pw", "again")).isInstanceOf(SASLErrorException.class);
        assertThat(send(admin("/api/v1/users/carol@localhost/enable").header("Content-Type", "application/json")
                .POST(json("{}"))).statusCode()).isEqualTo(200);
        XMPPTCPConnection back = server.connect("carol", "carol-pw", "again");
        assertThat(back.isAuthenticated()).isTrue();
        back.disconnect();
    }

    @Test
    void roomsAreListedAndDestroyedThroughTheMucModule() throws Exception {
        XMPPTCPConnection dora = server.connect("dora", "dora-pw", "tablet");
        try (Inbox<Presence> presences = Inbox.of(dora, Presence.class, p -> p.getType() == Presence.Type.unavailable, "leaving the room")) {
            MultiUserChat muc = Rooms.create(dora, Rooms.room("ops"), "Dora");
            JsonNode rooms = JSON.readTree(send(admin("/api/v1/rooms")).body()).path("rooms");
            assertThat(rooms.findValuesAsText("jid")).contains("ops@conference.localhost");
            for (JsonNode r : rooms) if (r.path("jid").asText().equals("ops@conference.localhost")) assertThat(r.path("occupants").asInt()).isEqualTo(1);
            assertThat(send(admin("/api/v1/rooms/ops@conference.localhost?reason=cleanup").DELETE()).statusCode()).isEqualTo(204);
            assertThat(presences.next().toXML().toString()).contains("destroy").contains("cleanup");
            Await.until("Smack sees the room gone", () -> !muc.isJoined());
        } finally {
            dora.disconnect();
        }
    }

    @Test
    void theConsoleLogsInAndItsChangesNeedTheCsrfToken() throws Exception {
        var login = send(HttpRequest.newBuilder(URI.create(base() + "/admin/login")).header("Origin", base())
                .header("Content-Type", "application/json").POST(json("{\"jid\": \"root@localhost\", \"password\": \"r00t-pw\"}")));
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        String csrf = JSON.readTree(login.body()).path("csrf").asText();
        HttpRequest.Builder create = HttpRequest.newBuilder(URI.create(base() + "/api/v1/users")).header("Cookie", cookie)
                .header("Origin", base()).header("Content-Type", "application/json")
                .POST(json("{\"jid\": \"viaconsole@localhost\", \"password\": \"vc-pw\"}"));
        assertThat(send(create).statusCode()).as("without the CSRF token").isEqualTo(403);
        assertThat(server.server().context().accounts().exists(Jids.of("viaconsole@localhost").asEntityBareJidOrThrow())).isFalse();
        assertThat(send(create.header("X-CSRF-Token", csrf)).statusCode()).isEqualTo(201);
        XMPPTCPConnection created = server.connect("viaconsole", "vc-pw", "first");
        assertThat(created.isAuthenticated()).isTrue();
        created.disconnect();
        var page = send(HttpRequest.newBuilder(URI.create(base() + "/admin/")));
        assertThat(page.headers().firstValue("content-security-policy").orElse("")).contains("default-src 'self'");
    }

    @Test
    void aWebSocketSessionIsListedAsSuchAndTheConsoleCookieIsSecureOverHttps() throws Exception {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {server.trustManager()}, null);
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
        String origin = "https://localhost:" + server.server().webPort(true);
        RawWebSocket ws = RawWebSocket.open(https, origin.replace("https", "wss") + "/xmpp-websocket");
        assertThat(ws.next()).contains("PLAIN");
        String plain = Base64.getEncoder().encodeToString("\0wendy\0wendy-pw".getBytes(StandardCharsets.UTF_8));
        ws.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain + "</auth>");
        assertThat(ws.next()).startsWith("<success");
        ws.reopen();
        assertThat(ws.next()).contains("bind");
        ws.send("<iq xmlns='jabber:client' type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + "<resource>browser</resource></bind></iq>");
        assertThat(ws.next()).contains("wendy@localhost/browser");

        JsonNode sessions = JSON.readTree(send(admin("/api/v1/sessions?transport=websocket")).body()).path("sessions");
        assertThat(sessions.findValuesAsText("jid")).containsExactly("wendy@localhost/browser");
        JsonNode stats = JSON.readTree(send(admin("/api/v1/stats")).body());
        assertThat(stats.path("sessions").path("byTransport").path("websocket").asInt()).isEqualTo(1);
        ws.send("<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>");

        var login = https.send(HttpRequest.newBuilder(URI.create(origin + "/admin/login")).header("Origin", origin)
                .header("Content-Type", "application/json").POST(json("{\"jid\": \"root@localhost\", \"password\": \"r00t-pw\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("set-cookie").orElse("")).contains("; Secure").contains("HttpOnly").contains("SameSite=Strict");
    }
}
