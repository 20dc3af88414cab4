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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnection;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnectionConfiguration;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.websocket.XmppWebSocketTransportModuleDescriptor;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ChargingRecord;

/**
 * Issue 6, data volume: the bytes of each client connection are billed to its user when it ends,
 * priced per byte (what users receive) and per 10 KiB begun (what they send), over TCP and
 * WebSocket; without a {@code data} item nothing is measured.
 */
class DataVolumeIT {
    private static final String CONFIG = """
            tls:
              required: false
            modules:
              charging:
                tariff:
                  - {item: data-in, channel: data, direction: in, unit: byte, price: "0.000002", currency: EUR}
                  - {item: gprs-out, channel: data, direction: out, unit: byte, per: 10240, price: "0.05", currency: EUR}
            """;
    /** The tariff above, to recompute each record's amount from its quantity. */
    private static final BigDecimal PRICE_IN = new BigDecimal("0.000002");
    private static final BigDecimal PRICE_OUT = new BigDecimal("0.05");
    private static final long PER_OUT = 10_240;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("root@localhost:r00t-pw".getBytes(StandardCharsets.UTF_8));

    private static List<ChargingRecord> records(ItServer server, EntityBareJid user, String channel) {
        return server.server().context().stores().charging()
                .records(user, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 0, 1000).stream()
                .filter(r -> r.channel().equals(channel)).toList();
    }

    private static List<ChargingRecord> dataRecords(ItServer server, EntityBareJid user, int atLeast) throws InterruptedException {
        Await.until(atLeast + " data records of " + user, () -> records(server, user, "data").size() >= atLeast);
        return records(server, user, "data");
    }

    private static BigDecimal expectedAmount(ChargingRecord r) {
        if (r.direction().equals("in")) return PRICE_IN.multiply(BigDecimal.valueOf(r.quantity()));
        long blocks = (r.quantity() + PER_OUT - 1) / PER_OUT;
        return PRICE_OUT.multiply(BigDecimal.valueOf(blocks));
    }

    private static JsonNode statement(ItServer server, EntityBareJid user) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server().webPort(false)
                        + "/api/v1/charging/statement?from=2000-01-01&to=2100-01-01&user=" + user))
                .header("Authorization", ADMIN).GET().build();
        return JSON.readTree(HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void chat(XMPPTCPConnection from, EntityBareJid to, String body) throws Exception {
        from.sendStanza(from.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(body).build());
    }

    private static LinkedBlockingQueue<Message> inbox(org.jivesoftware.smack.XMPPConnection c) {
        LinkedBlockingQueue<Message> in = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> in.add((Message) s), s -> s instanceof Message m && m.getBody() != null);
        return in;
    }

    @Test
    void theBytesOfATcpConnectionAreBilledToItsUserInBothDirectionsAtTheTariffsPrice() throws Exception {
        try (ItServer server = ItServer.start(CONFIG)) {
            server.server().context().accounts().create(Jids.of("root@localhost").asEntityBareJidOrThrow(), "r00t-pw", true);
            EntityBareJid alice = server.user("alice", "a-pw");
            EntityBareJid bob = server.user("bob", "b-pw");
            String body = "x".repeat(12_000); // more than one 10 KiB block

            XMPPTCPConnection a = server.connect("alice", "a-pw", "phone");
            XMPPTCPConnection b = server.connect("bob", "b-pw", "pc");
            LinkedBlockingQueue<Message> toBob = inbox(b);
            chat(a, bob, body);
            Message got = toBob.poll(5, TimeUnit.SECONDS);
            assertThat(got).as("bob got the message").isNotNull();
            assertThat(records(server, alice, "data")).as("nothing before the connection ends").isEmpty();
            a.disconnect();
            b.disconnect();

            List<ChargingRecord> aliceData = dataRecords(server, alice, 2);
            List<ChargingRecord> bobData = dataRecords(server, bob, 2);
            assertThat(aliceData).extracting(ChargingRecord::direction).containsExactlyInAnyOrder("in", "out");
            assertThat(bobData).extracting(ChargingRecord::direction).containsExactlyInAnyOrder("in", "out");
            ChargingRecord aliceOut = aliceData.stream().filter(r -> r.direction().equals("out")).findFirst().orElseThrow();
            ChargingRecord bobIn = bobData.stream().filter(r -> r.direction().equals("in")).findFirst().orElseThrow();
            assertThat(aliceOut.quantity()).as("alice sent the message and her login").isGreaterThan(body.length());
            assertThat(bobIn.quantity()).as("bob received it").isGreaterThan(body.length());
            assertThat(aliceOut.amount()).as("12,000 bytes and more: at least two blocks").isGreaterThanOrEqualTo(new BigDecimal("0.10"));
            for (ChargingRecord r : concat(aliceData, bobData)) {
                assertThat(r.peer()).isEqualTo("c2s");
                assertThat(r.unit()).isEqualTo("byte");
                assertThat(r.tariffItem()).isEqualTo(r.direction().equals("in") ? "data-in" : "gprs-out");
                assertThat(r.amount()).as(r.toString()).isEqualByComparingTo(expectedAmount(r));
            }

            JsonNode statement = statement(server, alice);
            BigDecimal sum = aliceData.stream().map(ChargingRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(records(server, alice, "data")).as("her only records").hasSize(2);
            assertThat(statement.path("totals")).hasSize(1);
            assertThat(new BigDecimal(statement.path("totals").get(0).path("amount").asText())).isEqualByComparingTo(sum);
        }
    }

    @Test
    void aWebSocketSessionIsBilledAsWebsocket() throws Exception {
        try (ItServer server = ItServer.start(CONFIG)) {
            EntityBareJid wanda = server.user("wanda", "w-pw");
            var b = ModularXmppClientToServerConnectionConfiguration.builder()
                    .setXmppDomain("localhost")
                    .setUsernameAndPassword("wanda", "w-pw")
                    .setResource("browser")
                    .setSecurityMode(SecurityMode.disabled);
            b.removeAllModules();
            b.addModule(XmppWebSocketTransportModuleDescriptor.getBuilder(b)
                    .explicitlySetWebSocketEndpoint(URI.create("ws://127.0.0.1:" + server.server().webPort(false) + "/xmpp-websocket")).build());
            ModularXmppClientToServerConnection web = new ModularXmppClientToServerConnection(b.build());
            web.setReplyTimeout(5000);
            web.connect().login();
            String body = "y".repeat(2_000);
            LinkedBlockingQueue<Message> own = inbox(web);
            web.sendStanza(web.getStanzaFactory().buildMessageStanza().to(web.getUser()).ofType(Message.Type.chat).setBody(body).build());
            assertThat(own.poll(5, TimeUnit.SECONDS)).as("the message came back to its own resource").isNotNull();
            web.disconnect();

            List<ChargingRecord> data = dataRecords(server, wanda, 2);
            assertThat(data).extracting(ChargingRecord::direction).containsExactlyInAnyOrder("in", "out");
            for (ChargingRecord r : data) {
                assertThat(r.peer()).isEqualTo("websocket");
                assertThat(r.quantity()).as("each way, the message and more").isGreaterThan(body.length());
                assertThat(r.amount()).as(r.toString()).isEqualByComparingTo(expectedAmount(r));
            }
        }
    }

    @Test
    void withoutADataItemNothingIsMeasured() throws Exception {
        String tariff = """
                modules:
                  charging:
                    tariff:
                      - {item: im-out, channel: xmpp, direction: out, unit: message, price: "0.01", currency: EUR}
                """;
        try (ItServer server = ItServer.start(tariff)) {
            EntityBareJid alice = server.user("alice", "a-pw");
            EntityBareJid bob = server.user("bob", "b-pw");
            XMPPTCPConnection a = server.connect("alice", "a-pw", "phone");
            XMPPTCPConnection b = server.connect("bob", "b-pw", "pc");
            LinkedBlockingQueue<Message> toBob = inbox(b);
            chat(a, bob, "hello");
            assertThat(toBob.poll(5, TimeUnit.SECONDS)).isNotNull();
            a.disconnect();
            b.disconnect();
            Await.until("alice's xmpp record", () -> records(server, alice, "xmpp").size() == 1);
            Thread.sleep(500); // as long as data records take to appear when the tariff bills them
            assertThat(records(server, alice, "data")).isEmpty();
            assertThat(records(server, bob, "data")).isEmpty();
        }
    }

    private static List<ChargingRecord> concat(List<ChargingRecord> a, List<ChargingRecord> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
