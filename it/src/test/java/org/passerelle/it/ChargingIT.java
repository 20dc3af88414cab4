package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;

/**
 * Acceptance 4 of issue 6: Smack users send a known mix of XMPP traffic (one-to-one, to an
 * offline user, in a room, chat states), a daily plan runs across restarts, and the statement
 * from the admin API is checked to the cent against the tariff. SMS and e-mail through the real
 * gateways are billed in {@link ChargingGatewaysIT}, data volume in {@code DataVolumeIT}.
 */
class ChargingIT {
    private static final String CONFIG = """
            modules:
              charging:
                tariff:
                  - {item: im-out, channel: xmpp, direction: out, unit: message, price: "0.01", currency: EUR}
                  - {item: im-in, channel: xmpp, direction: in, unit: message, price: "0.005", currency: EUR}
                  - {item: icq-mobile, unit: day, price: "0.09", currency: EUR}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("root@localhost:r00t-pw".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> api(ItServer server, String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server().webPort(false) + "/api/v1" + path))
                .header("Authorization", ADMIN).method(method, HttpRequest.BodyPublishers.noBody());
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> totals(JsonNode statement, String user) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (JsonNode l : statement.path("lines")) {
            if (l.path("user").asText().equals(user)) sums.merge(l.path("currency").asText(), new BigDecimal(l.path("amount").asText()), BigDecimal::add);
        }
        Map<String, String> out = new HashMap<>();
        sums.forEach((c, a) -> out.put(c, a.toPlainString()));
        return out;
    }

    private static long records(ItServer server, String period) throws Exception {
        return JSON.readTree(api(server, "GET", "/charging/records?" + period).body()).path("records").size();
    }

    @Test
    void aKnownMixOfTrafficIsBilledToTheCent() throws Exception {
        Rooms.parseOccupantIds();
        try (ItServer server = ItServer.start(CONFIG)) {
            server.server().context().accounts().create(Jids.of("root@localhost").asEntityBareJidOrThrow(), "r00t-pw", true);
            EntityBareJid alice = server.user("alice", "a-pw");
            EntityBareJid bob = server.user("bob", "b-pw");
            EntityBareJid carol = server.user("carol", "c-pw");
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Instant start = Instant.now().minusSeconds(1);
            assertThat(api(server, "PUT", "/charging/subscriptions/alice@localhost/icq-mobile?since=" + today.minusDays(1)).statusCode())
                    .isEqualTo(201);

            XMPPTCPConnection a = Acks.loginWithStreamManagement(server.connection("alice", "a-pw", "phone"), false);
            XMPPTCPConnection b = server.connect("bob", "b-pw", "pc");
            try (Inbox<Message> toBob = Inbox.messages(b); Inbox<Message> toAlice = Inbox.messages(a)) {
                Acks.sendChats(a, bob, "one", "two", "three"); // alice: 3 out; bob: 3 in
                for (int i = 0; i < 3; i++) toBob.next();
                for (String body : new String[] {"four", "five"}) {
                    b.sendStanza(b.getStanzaFactory().buildMessageStanza().to(alice).ofType(Message.Type.chat).setBody(body).build());
                }
                toAlice.next(); // bob: 2 out; alice: 2 in
                toAlice.next();
                Acks.sendChats(a, carol, "while you were out"); // carol is offline: alice 1 out, carol 1 in
                Message typing = a.getStanzaFactory().buildMessageStanza().to(bob).ofType(Message.Type.chat)
                        .addExtension(new ChatStateExtension(ChatState.composing)).build();
                Acks.send(a, typing); // no body: not billed
            }
            // A groupchat message is one out for its sender; the copies occupants get are not billed.
            EntityBareJid lounge = Rooms.room("lounge");
            MultiUserChat room = Rooms.muc(a, lounge);
            room.create(Rooms.nick("Al")).makeInstant();
            MultiUserChat bobInRoom = Rooms.enter(b, lounge, "Bo");
            LinkedBlockingQueue<Message> bobSees = new LinkedBlockingQueue<>();
            bobInRoom.addMessageListener(bobSees::add);
            room.sendMessage("hi all");
            assertThat(bobSees.poll(5, TimeUnit.SECONDS)).as("bob got the room's copy").isNotNull();
            a.disconnect();
            b.disconnect();

            // The daily plan is charged when the module starts: yesterday and today, once each, however often it restarts.
            server.restart();
            String period = "from=" + start + "&to=" + today.plusDays(1) + "T00:00:00Z";
            String fromYesterday = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
            Await.until("two subscription days", () -> {
                try {
                    return records(server, fromYesterday + "&user=alice@localhost") == 9;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            server.restart();
            Thread.sleep(500); // the start's charging run, had it anything to do
            assertThat(records(server, fromYesterday)).as("7 alice + 5 bob + 1 carol, 2 days").isEqualTo(7 + 5 + 1 + 2);

            JsonNode statement = JSON.readTree(api(server, "GET", "/charging/statement?" + fromYesterday).body());
            // alice: 5 out x 0.01 + 2 in x 0.005 + 2 days x 0.09 = 0.24 EUR
            assertThat(totals(statement, "alice@localhost")).isEqualTo(Map.of("EUR", "0.24"));
            // bob: 2 out x 0.01 + 3 in x 0.005; carol: 1 in x 0.005
            assertThat(totals(statement, "bob@localhost")).isEqualTo(Map.of("EUR", "0.035"));
            assertThat(totals(statement, "carol@localhost")).isEqualTo(Map.of("EUR", "0.005"));
            Map<String, String> perCurrency = new HashMap<>();
            for (JsonNode t : statement.path("totals")) perCurrency.put(t.path("currency").asText(), t.path("amount").asText());
            assertThat(perCurrency).isEqualTo(Map.of("EUR", "0.28"));

            JsonNode aliceLines = JSON.readTree(api(server, "GET", "/charging/statement?user=alice@localhost&" + fromYesterday).body());
            StringBuilder lines = new StringBuilder();
            for (JsonNode l : aliceLines.path("lines")) {
                lines.append(l.path("channel").asText()).append(' ').append(l.path("direction").asText()).append(' ')
                        .append(l.path("records").asText()).append(' ').append(l.path("amount").asText()).append('\n');
            }
            assertThat(lines.toString()).isEqualTo("""
                    subscription none 2 0.18
                    xmpp in 2 0.01
                    xmpp out 5 0.05
                    """);

            String csv = api(server, "GET", "/charging/records?format=csv&user=carol@localhost&" + period).body();
            assertThat(csv.split("\r\n")).hasSize(2);
            assertThat(csv.split("\r\n")[1]).contains(",carol@localhost,alice@localhost,xmpp,in,message,1,0.005,EUR,im-in");
        }
    }
}
