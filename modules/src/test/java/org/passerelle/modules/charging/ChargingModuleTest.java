package org.passerelle.modules.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.charging.Chargeable;
import org.passerelle.core.event.GroupchatMessage;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingTotal;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.core.testing.Xml;
import org.passerelle.modules.message.MessageModule;
import org.passerelle.modules.offline.OfflineModule;

/** XMPP messages in and out, reported events, bad input, and statements that reconcile with the records. */
class ChargingModuleTest {
    static final String TARIFF = """
            modules:
              charging:
                tariff:
                  - {item: im-out, channel: xmpp, direction: out, unit: message, price: "0.01", currency: EUR}
                  - {item: im-in, channel: xmpp, direction: in, unit: message, price: "0", currency: EUR}
                  - {item: sms, channel: sms, unit: message, price: "0.12", currency: GBP}
                  - {item: gprs, channel: data, unit: byte, per: 10240, price: "0.05", currency: EUR}
                  - {item: icq-mobile, unit: day, price: "0.09", currency: EUR}
            """;
    private static final Instant EPOCH = Instant.EPOCH;
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    private final TestServer server = new TestServer(TARIFF, new MessageModule(), new OfflineModule(), new ChargingModule());

    @AfterEach
    void stop() {
        server.close();
    }

    private static EntityBareJid jid(String s) {
        return Jids.of(s).asEntityBareJidOrThrow();
    }

    private List<ChargingRecord> records(String user) {
        return server.context().stores().charging().records(jid(user), EPOCH, FAR, 0, 1000);
    }

    private static List<String> described(List<ChargingRecord> records) {
        return records.stream().map(r -> r.channel() + " " + r.direction() + " " + r.peer() + " " + r.amount().stripTrailingZeros().toPlainString()
                + " " + r.currency() + " " + r.tariffItem()).toList();
    }

    /** As a gateway does: price, then write the records (with its own state, in its own store). */
    private static void report(TestServer on, Chargeable event) {
        on.context().stores().charging().addAll(on.context().charging().price(event));
    }

    private TestSession online(String jid) {
        TestSession s = server.login(jid);
        s.setPresence(Stanza.of(Xml.parse("<presence/>"), s.jid(), null));
        return s;
    }

    @Test
    void aMessageBetweenLocalUsersIsOneOutForTheSenderAndOneInForTheRecipient() {
        TestSession alice = online("alice@localhost/phone");
        TestSession bob = online("bob@localhost/pc");
        online("bob@localhost/laptop");
        server.send(alice, "<message to='bob@localhost' type='chat' id='m1'><body>hello</body></message>");
        assertThat(bob.next().element().childText("body", "jabber:client")).isEqualTo("hello");
        server.send(bob, "<message to='alice@localhost/phone' id='m2'><body>hi</body></message>");

        assertThat(described(records("alice@localhost"))).containsExactly("xmpp out bob@localhost 0.01 EUR im-out",
                "xmpp in bob@localhost 0 EUR im-in");
        assertThat(described(records("bob@localhost"))).as("two resources, one record").containsExactly(
                "xmpp in alice@localhost 0 EUR im-in", "xmpp out alice@localhost 0.01 EUR im-out");
        ChargingRecord r = records("alice@localhost").getFirst();
        assertThat(r.unit()).isEqualTo("message");
        assertThat(r.quantity()).isEqualTo(1);
        assertThat(r.at()).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void whatCarriesNoWrittenMessageIsNotBilled() throws Exception {
        TestSession alice = online("alice@localhost/phone");
        online("bob@localhost/pc");
        server.send(alice, "<message to='bob@localhost' type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
        server.send(alice, "<message to='bob@localhost' type='chat'><received xmlns='urn:xmpp:receipts' id='x'/></message>");
        server.send(alice, "<message to='bob@localhost' type='headline'><body>news</body></message>");
        server.send(alice, "<message to='bob@localhost' type='error'><body>oops</body></message>");
        server.send(alice, "<message to='alice@localhost' type='chat'><body>note to self</body></message>");
        server.send(alice, "<message to='nobody@localhost' type='chat'><body>anyone?</body></message>");
        server.send(alice, "<message to='+33612345678@sms.localhost' type='chat'><body>to a phone</body></message>");
        server.send(alice, "<message to='carol@remote.example' type='chat'><body>no s2s</body></message>");
        assertThat(records("alice@localhost")).isEmpty();
        assertThat(records("bob@localhost")).isEmpty();
        assertThat(records("nobody@localhost")).isEmpty();

        // A gateway's reply to a local user is billed by the gateway, not as xmpp.
        server.route(Stanza.parse(Xml.parse("<message from='+33612345678@sms.localhost' to='alice@localhost' type='chat'>"
                + "<body>from a phone</body></message>")));
        assertThat(records("alice@localhost")).isEmpty();
    }

    @Test
    void aMessageToAnOfflineUserIsReceivedOnceWhenItArrivesAndRoutedAgainWithoutASecondCharge() throws Exception {
        TestSession alice = online("alice@localhost/phone");
        server.context().accounts().create(jid("dora@localhost"), "pw", false);
        server.send(alice, "<message to='dora@localhost' type='chat' id='d1'><body>while you were out</body></message>");
        assertThat(described(records("dora@localhost"))).containsExactly("xmpp in alice@localhost 0 EUR im-in");

        // XEP-0198: a session that ends with the message unacknowledged routes it again.
        TestSession dora = online("dora@localhost/phone");
        Stanza again = Stanza.parse(Xml.parse("<message from='alice@localhost/phone' to='dora@localhost' type='chat' id='d1'>"
                + "<body>while you were out</body></message>"));
        server.route(again);
        assertThat(records("dora@localhost")).hasSize(1);
        assertThat(records("alice@localhost")).hasSize(1);
        dora.clear();
    }

    @Test
    void aMessageNobodyTakesIsChargedToNobody() throws Exception {
        TestSession alice = online("alice@localhost/phone");
        server.context().accounts().create(jid("dora@localhost"), "pw", false);
        // XEP-0334: not to be stored, and dora is offline: it bounces.
        server.send(alice, "<message to='dora@localhost' type='chat' id='n1'><body>now or never</body>"
                + "<no-store xmlns='urn:xmpp:hints'/></message>");
        assertThat(alice.next().element().toString()).contains("service-unavailable");
        assertThat(records("alice@localhost")).as("the sender pays nothing for a bounce").isEmpty();
        assertThat(records("dora@localhost")).isEmpty();
    }

    @Test
    void aGroupchatMessageIsOneOutForItsSender() throws Exception {
        EntityFullJid from = (EntityFullJid) Jids.of("room@conference.localhost/Al");
        EntityFullJid sender = (EntityFullJid) Jids.of("alice@localhost/phone");
        server.context().events().publish(new GroupchatMessage(jid("room@conference.localhost"), from, sender,
                Xml.parse("<message type='groupchat'><body>hi all</body></message>"), Instant.now(), false, true));
        EntityFullJid remote = (EntityFullJid) Jids.of("zed@remote.example/x");
        server.context().events().publish(new GroupchatMessage(jid("room@conference.localhost"), from, remote,
                Xml.parse("<message type='groupchat'><body>hi</body></message>"), Instant.now(), false, true));
        assertThat(described(records("alice@localhost"))).containsExactly("xmpp out room@conference.localhost 0.01 EUR im-out");
        assertThat(server.context().stores().charging().records(null, EPOCH, FAR, 0, 10)).hasSize(1);
    }

    @Test
    void reportedEventsArePricedPerUnitAndBlock() {
        EntityBareJid kim = jid("kim@localhost");
        Instant at = Instant.parse("2026-11-05T10:00:00Z");
        report(server, new Chargeable(at, kim, "+447700900123", "sms", "out", "message", 2));
        report(server, new Chargeable(at, kim, "+447700900123", "sms", "in", "message", 1));
        report(server, new Chargeable(at, kim, "apn", "data", "in", "byte", 25_600));
        assertThat(described(records("kim@localhost"))).containsExactly("sms out +447700900123 0.24 GBP sms",
                "sms in +447700900123 0.12 GBP sms", "data in apn 0.15 EUR gprs");
        assertThat(records("kim@localhost").getFirst().at()).isEqualTo(at);
        assertThat(records("kim@localhost").getFirst().quantity()).isEqualTo(2);
    }

    @Test
    void badReportsAreRefusedAndNothingIsCharged() {
        EntityBareJid kim = jid("kim@localhost");
        Instant at = Instant.now();
        report(server, new Chargeable(at, kim, "x", "fax", "out", "page", 1)); // nothing prices it
        report(server, new Chargeable(at, kim, "x", "sms", "out", "segment", 1)); // sms priced per message only
        report(server, new Chargeable(at, kim, "x", "sms", "out", "message", -3));
        report(server, new Chargeable(at, kim, "x", "sms", "out", "message", 0));
        report(server, new Chargeable(at, kim, "x", "sms", "sideways", "message", 1));
        report(server, new Chargeable(at, kim, "x", "subscription", "out", "day", 1));
        report(server, new Chargeable(at, jid("kim@remote.example"), "x", "sms", "out", "message", 1));
        report(server, new Chargeable(at, null, "x", "sms", "out", "message", 1));
        assertThat(server.context().stores().charging().records(null, EPOCH, FAR, 0, 10)).isEmpty();
    }

    @Test
    void theStatementTotalsEqualTheSumOfTheRecordsToTheCent() {
        TestSession alice = online("alice@localhost/phone");
        online("bob@localhost/pc");
        for (int i = 0; i < 7; i++) server.send(alice, "<message to='bob@localhost' type='chat'><body>m" + i + "</body></message>");
        EntityBareJid a = jid("alice@localhost");
        for (int i = 0; i < 10; i++) report(server, new Chargeable(null, a, "+44", "sms", i % 2 == 0 ? "out" : "in", "message", 1));
        report(server, new Chargeable(null, a, "apn", "data", "out", "byte", 10_241));

        List<ChargingTotal> totals = server.context().stores().charging().totals(a, EPOCH, FAR);
        assertThat(totals).extracting(t -> t.channel() + " " + t.direction() + " " + t.records() + " " + t.amount().stripTrailingZeros().toPlainString()
                + " " + t.currency()).containsExactly("data out 1 0.1 EUR", "sms in 5 0.6 GBP", "sms out 5 0.6 GBP", "xmpp out 7 0.07 EUR");
        for (String currency : List.of("EUR", "GBP")) {
            BigDecimal fromRecords = records("alice@localhost").stream().filter(r -> r.currency().equals(currency))
                    .map(ChargingRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal fromTotals = totals.stream().filter(t -> t.currency().equals(currency))
                    .map(ChargingTotal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(fromTotals).as(currency).isEqualByComparingTo(fromRecords);
        }
    }

    @Test
    void withoutATariffNothingIsRecorded() {
        try (TestServer bare = new TestServer(new MessageModule(), new ChargingModule())) {
            TestSession alice = bare.login("alice@localhost/phone");
            bare.login("bob@localhost/pc");
            bare.send(alice, "<message to='bob@localhost' type='chat'><body>hello</body></message>");
            report(bare, new Chargeable(null, jid("alice@localhost"), "+44", "sms", "out", "message", 1));
            assertThat(bare.context().stores().charging().records(null, EPOCH, FAR, 0, 10)).isEmpty();
        }
    }
}
