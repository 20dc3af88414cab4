package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.gateway.sms.smpp.SmscSimulator;
import org.passerelle.gateway.sms.smpp.SmscSimulator.Submitted;

/**
 * Acceptance 4 of issue 6 with the real gateways: SMS through the SMS gateway and the SMSC
 * simulator (a link code, forwarded messages, one of them concatenated, mobile-originated texts,
 * one of them concatenated, a text to and from a phone without an account) and e-mail through the
 * mail gateway and GreenMail (a forwarded batch and a reply), next to the XMPP messages around
 * them; the statement from the admin API is checked to the cent, and against the segments the
 * simulator carried and the mails GreenMail holds.
 */
class ChargingGatewaysIT {
    private static final String TARIFF = """
              charging:
                tariff:
                  - {item: im-out, channel: xmpp, direction: out, unit: message, price: "0.01", currency: EUR}
                  - {item: im-in, channel: xmpp, direction: in, unit: message, price: "0.005", currency: EUR}
                  - {item: sms-out, channel: sms, direction: out, unit: segment, price: "0.12", currency: GBP}
                  - {item: sms-in, channel: sms, direction: in, unit: segment, price: "0.10", currency: GBP}
                  - {item: mail-in, channel: mail, direction: in, unit: message, price: "0.02", currency: EUR}
                  - {item: mail-out, channel: mail, direction: out, unit: message, price: "0.03", currency: EUR}
            """;
    private static final String ALICE_PHONE = "+447700900001";
    private static final String STRANGER_PHONE = "+447700900999";
    private static final long WAIT = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = "Basic "
            + Base64.getEncoder().encodeToString("root@localhost:r00t-pw".getBytes(StandardCharsets.UTF_8));

    private static JsonNode api(ItServer server, String path) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server().webPort(false) + "/api/v1" + path))
                .header("Authorization", ADMIN).GET().build();
        HttpResponse<String> r = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** One user's statement lines as "channel direction unit records quantity amount currency". */
    private static String lines(JsonNode statement, String user) {
        StringBuilder out = new StringBuilder();
        for (JsonNode l : statement.path("lines")) {
            if (!l.path("user").asText().equals(user)) continue;
            out.append(String.join(" ", l.path("channel").asText(), l.path("direction").asText(), l.path("unit").asText(),
                    l.path("records").asText(), l.path("quantity").asText(), l.path("amount").asText(), l.path("currency").asText()))
                    .append('\n');
        }
        return out.toString();
    }

    /** The amount of one line of the statement, as a number. */
    private static BigDecimal amount(JsonNode statement, String user, String channel, String direction) {
        for (JsonNode l : statement.path("lines")) {
            if (l.path("user").asText().equals(user) && l.path("channel").asText().equals(channel)
                    && l.path("direction").asText().equals(direction)) {
                return new BigDecimal(l.path("amount").asText());
            }
        }
        throw new AssertionError("no line " + user + " " + channel + " " + direction);
    }

    /** The segments of each text the simulator got for a number, in order: a text without UDH is one, parts share a reference. */
    private static List<Integer> texts(List<Submitted> carried, String phone) {
        List<Integer> texts = new ArrayList<>();
        for (Submitted s : carried) {
            if (!s.destination().equals(phone.substring(1))) continue;
            if (!s.udhi()) texts.add(1);
            else if (s.message()[5] == 1) texts.add((int) s.message()[4]);
        }
        return texts;
    }

    private static int segments(List<Submitted> carried, String phone) {
        return texts(carried, phone).stream().mapToInt(Integer::intValue).sum();
    }

    private static BigDecimal price(String unitPrice, int units) {
        return new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(units));
    }

    @Test
    void realSmsAndMailTrafficIsBilledToTheCentAsCarried() throws Exception {
        int replyPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            replyPort = free.getLocalPort();
        }
        try (SmscSimulator smsc = SmscSetup.simulator();
             Mailbox carolsMailbox = new Mailbox("carol@mail.test", "carol", "mail-pw");
             ItServer server = ItServer.start("modules:\n" + SmscSetup.sms(smsc) + """
                       mail:
                         enabled: true
                         batchSeconds: 1
                         relay: {host: 127.0.0.1, port: %d, security: none, from: passerelle@localhost}
                         replies: {domain: mail.localhost, listenHost: 127.0.0.1, port: %d}
                     """.formatted(carolsMailbox.smtpPort(), replyPort) + TARIFF)) {
            smsc.awaitBound(WAIT);
            server.server().context().accounts().create(Jids.of("root@localhost").asEntityBareJidOrThrow(), "r00t-pw", true);
            EntityBareJid alice = server.user("alice", "a-pw");
            EntityBareJid carol = server.user("carol", "c-pw");
            server.user("bob", "b-pw");
            Instant start = Instant.now().minusSeconds(1);
            List<Submitted> carried = new ArrayList<>();

            // alice links her phone (the code SMS is hers); carol opts in to e-mail (the code mail is free).
            XMPPTCPConnection setup = server.connect("alice", "a-pw", "setup");
            carried.add(PhoneLink.link(setup, smsc, ALICE_PHONE, "offline"));
            setup.disconnect();
            XMPPTCPConnection carolApp = server.connect("carol", "c-pw", "app");
            carolsMailbox.optIn(carolApp);
            carolApp.disconnect();
            Await.until("alice and carol are offline", () -> server.server().context().sessions().sessions(alice).isEmpty()
                    && server.server().context().sessions().sessions(carol).isEmpty());

            XMPPTCPConnection bob = Acks.loginWithStreamManagement(server.connection("bob", "b-pw", "desk"), false);
            Inbox<Message> toBob = Inbox.messages(bob);
            String longText = "A long story, told in several SMS. ".repeat(11); // 385 characters: with "[1] bob@localhost: ", 3 parts
            Acks.sendChats(bob, alice, "short one", longText);
            Acks.sendChats(bob, Jids.of(STRANGER_PHONE + "@sms.localhost"), "hello phone");
            for (int i = 0; i < 5; i++) {
                Submitted s = smsc.next(WAIT);
                assertThat(s).as("SMS part %d of 5", i + 1).isNotNull();
                carried.add(s);
            }
            smsc.deliver(ALICE_PHONE.substring(1), "12345", "1 thanks bob", null);
            assertThat(toBob.next().getBody()).isEqualTo("thanks bob");
            smsc.deliverParts(ALICE_PHONE.substring(1), "12345", 42, "1 and a second answer ", "in two parts");
            assertThat(toBob.next().getBody()).isEqualTo("and a second answer in two parts");
            smsc.deliver(STRANGER_PHONE.substring(1), "12345", "hi bob, the phone here", null);
            Message fromPhone = toBob.next();
            assertThat(fromPhone.getFrom().toString()).isEqualTo(STRANGER_PHONE + "@sms.localhost");

            Acks.sendChats(bob, carol, "lunch?", "at noon");
            Mailbox.Mail batch = carolsMailbox.await(2).get(1);
            assertThat(batch.text()).contains("  lunch?").contains("  at noon");
            assertThat(Mailbox.sendReply(replyPort, "carol@mail.test", batch.replyTo(), "Sure, see you")).isEqualTo(250);
            assertThat(toBob.next().getBody()).isEqualTo("Sure, see you");
            bob.disconnect();

            // What the peers carried: 5 SMS to alice's phone (code, short, 3 parts), 1 to the stranger; 2 mails (code, batch).
            smsc.assertNothing(500);
            assertThat(texts(carried, ALICE_PHONE)).containsExactly(1, 1, 3);
            assertThat(texts(carried, STRANGER_PHONE)).containsExactly(1);
            assertThat(carolsMailbox.mails()).hasSize(2);

            // alice 3 sms out + 2 sms in + 2 xmpp in (her phone's answers are billed as sms in, not also as xmpp out); bob 4 xmpp out + 3 xmpp in
            // (2 answers from alice's phone, carol's mail reply) + 1 sms out + 1 sms in; carol 2 xmpp in + 1 mail in + 1 mail out.
            String period = "from=" + start + "&to=" + Instant.now().plusSeconds(60);
            Await.until("20 records", () -> {
                try {
                    return api(server, "/charging/records?" + period).path("records").size() == 20;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            JsonNode statement = api(server, "/charging/statement?" + period);
            assertThat(lines(statement, "alice@localhost")).isEqualTo("""
                    sms in segment 2 3 0.30 GBP
                    sms out segment 3 5 0.60 GBP
                    xmpp in message 2 2 0.01 EUR
                    """);
            assertThat(lines(statement, "bob@localhost")).isEqualTo("""
                    sms in segment 1 1 0.10 GBP
                    sms out segment 1 1 0.12 GBP
                    xmpp in message 3 3 0.015 EUR
                    xmpp out message 4 4 0.04 EUR
                    """);
            assertThat(lines(statement, "carol@localhost")).isEqualTo("""
                    mail in message 1 1 0.02 EUR
                    mail out message 1 1 0.03 EUR
                    xmpp in message 2 2 0.01 EUR
                    """);
            Map<String, String> totals = new HashMap<>();
            for (JsonNode t : statement.path("totals")) totals.put(t.path("currency").asText(), t.path("amount").asText());
            assertThat(totals).isEqualTo(Map.of("EUR", "0.125", "GBP", "1.12"));

            // The same amounts from what the simulator and GreenMail carried, priced by hand.
            assertThat(amount(statement, "alice@localhost", "sms", "out")).isEqualByComparingTo(price("0.12", segments(carried, ALICE_PHONE)));
            assertThat(amount(statement, "bob@localhost", "sms", "out")).isEqualByComparingTo(price("0.12", segments(carried, STRANGER_PHONE)));
            int forwardedMails = carolsMailbox.mails().size() - 1; // the code mail is not billed
            assertThat(amount(statement, "carol@localhost", "mail", "in")).isEqualByComparingTo(price("0.02", forwardedMails));

            List<String> smsOut = new ArrayList<>();
            for (JsonNode r : api(server, "/charging/records?user=alice@localhost&" + period).path("records")) {
                if (r.path("channel").asText().equals("sms") && r.path("direction").asText().equals("out")) {
                    smsOut.add(String.join(" ", r.path("peer").asText(), r.path("quantity").asText(), r.path("amount").asText(),
                            r.path("tariffItem").asText()));
                }
            }
            assertThat(smsOut).as("one record per text, as carried")
                    .containsExactly(ALICE_PHONE + " 1 0.12 sms-out", ALICE_PHONE + " 1 0.12 sms-out", ALICE_PHONE + " 3 0.36 sms-out");
        }
    }
}
