package org.passerelle.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.event.AppAway;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.SmsLink;
import org.passerelle.core.store.Stores;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.gateway.sms.smpp.Gsm7;
import org.passerelle.gateway.sms.smpp.SmscSimulator;
import org.passerelle.modules.message.MessageModule;
import org.passerelle.modules.offline.OfflineModule;
import org.passerelle.modules.presence.PresenceModule;

/** The gateway in a test server (in-memory stores) against the SMSC simulator: forwarding modes, push after SMS, charging. */
class SmsModuleTest {
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidOrThrow();
    private SmscSimulator smsc;
    private TestServer server;
    private final List<Object> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        smsc = new SmscSimulator("esme", "pw");
        server = startServer(new MemoryStores());
    }

    private TestServer startServer(Stores stores) throws Exception {
        TestServer s = new TestServer(ConfigLoader.parse("""
                modules:
                  sms:
                    enabled: true
                    sourceAddress: "555"
                    maxParts: 2
                    smscs: [{host: 127.0.0.1, port: %d, systemId: esme, password: pw}]
                """.formatted(smsc.port()), "test"), stores,
                new MessageModule(), new PresenceModule(), new OfflineModule(), new SmsModule());
        smsc.awaitBound(5000);
        s.context().charging().setPricer(Charged.EVERYTHING);
        // What push notifications would do at their priority: record what reaches them.
        s.context().events().on(AppAway.class, 50, e -> events.add("push " + e.message().id()) && false);
        return s;
    }

    /** The server stops (as after a crash, nothing in memory survives) and starts again on the same stores. */
    private void restart() throws Exception {
        Stores stores = server.context().stores();
        server.close();
        smsc.dropBinds();
        server = startServer(stores);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        smsc.close();
    }

    /** The SMS records the gateway stored with what it sent or handled. */
    private List<ChargingRecord> charged() {
        return Charged.records(server.context().stores().charging()).stream().filter(r -> r.channel().equals("sms")).toList();
    }

    private void link(String mode) {
        server.logout(server.login("alice@localhost/setup")); // creates the account
        server.context().stores().sms().link(new SmsLink(ALICE, "+33600000001", mode));
    }

    private void sendFromBob(TestSession bob, String id, String body) {
        server.send(bob, "<message to='alice@localhost' type='chat' id='" + id + "'><body>" + body + "</body></message>");
    }

    @Test
    void awayModeTextsTheUserWhoseAppSleepsAndPushDoesNotFire() throws Exception {
        link("away");
        TestSession app = server.login("alice@localhost/phone");
        server.available(app);
        app.setAttached(false);
        TestSession bob = server.login("bob@localhost/desk");
        sendFromBob(bob, "m1", "wake up");
        SmscSimulator.Submitted sms = smsc.next(3000);
        assertThat(sms.text()).isEqualTo("[1] bob@localhost: wake up");
        assertThat(events).noneMatch(e -> e.equals("push m1"));
        Thread.sleep(200);
        assertThat(charged()).singleElement().satisfies(c -> {
            assertThat(c.user().toString()).isEqualTo(ALICE.toString());
            assertThat(c.peer()).isEqualTo("+33600000001");
            assertThat(c.direction()).isEqualTo("out");
            assertThat(c.unit()).isEqualTo("segment");
            assertThat(c.quantity()).isEqualTo(1);
        });
    }

    @Test
    void offlineModeLeavesASleepingAppToPush() throws Exception {
        link("offline");
        TestSession app = server.login("alice@localhost/phone");
        server.available(app);
        app.setAttached(false);
        TestSession bob = server.login("bob@localhost/desk");
        sendFromBob(bob, "m2", "are you there");
        smsc.assertNothing(500);
        assertThat(events).contains("push m2");

        server.logout(app);
        sendFromBob(bob, "m3", "now offline: a long text " + "x".repeat(400));
        SmscSimulator.Submitted first = smsc.next(3000);
        SmscSimulator.Submitted second = smsc.next(3000);
        assertThat(first.text() + second.text()).startsWith("[1] bob@localhost: now offline").endsWith("...");
        assertThat(Gsm7.septets(first.text() + second.text())).as("shortened to fill maxParts, [ and ] take two septets")
                .isEqualTo(153 * 2);
        assertThat(events).doesNotContain("push m3");
        Thread.sleep(200);
        assertThat(charged()).extracting(ChargingRecord::quantity).containsExactly(2L);
    }

    @Test
    void moFromStrangersOrInBinaryIsDroppedAndNotCharged() throws Exception {
        link("offline");
        TestSession bob = server.login("bob@localhost/desk");
        server.available(bob);
        bob.clear();
        smsc.deliver("33600000099", "555", "@bob@localhost hi", null);
        smsc.deliverRaw("33600000001", "555", new ESMClass(), (byte) 0x04, new byte[] {1, 2, 3});
        bob.assertNothingMore();
        smsc.assertNothing(300);
        assertThat(charged()).isEmpty();

        smsc.deliver("33600000001", "555", "@bob@localhost hi from the phone", null);
        Stanza m = bob.next();
        assertThat(m.from().toString()).isEqualTo("alice@localhost/sms");
        assertThat(charged()).singleElement().satisfies(c -> {
            assertThat(c.direction()).isEqualTo("in");
            assertThat(c.user().toString()).isEqualTo(ALICE.toString());
            assertThat(c.quantity()).isEqualTo(1);
        });
    }

    @Test
    void aConcatenatedMoIsPutTogetherOnceWhateverTheOrderOfItsParts() throws Exception {
        link("offline");
        TestSession bob = server.login("bob@localhost/desk");
        server.available(bob);
        bob.clear();
        ESMClass udhi = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
        byte[] second = withHeader(7, 2, 2, "second half");
        smsc.deliverRaw("33600000001", "555", udhi, (byte) 0, second);
        bob.assertNothingMore();
        smsc.deliverRaw("33600000001", "555", udhi, (byte) 0, second); // the SMSC retries a part
        smsc.deliverRaw("33600000001", "555", udhi, (byte) 0, withHeader(7, 2, 1, "@bob@localhost first half, "));
        assertThat(bob.next().element().childText("body", "jabber:client")).isEqualTo("first half, second half");
        bob.assertNothingMore();
        assertThat(charged()).extracting(ChargingRecord::quantity).containsExactly(2L);
    }

    @Test
    void anMoDeliveredAgainIsHandledAndChargedOnceAlsoWhenBothCopiesComeAtOnce() throws Exception {
        link("offline");
        TestSession bob = server.login("bob@localhost/desk");
        server.available(bob);
        bob.clear();
        smsc.deliver("33600000001", "555", "@bob@localhost once", (short) 1);
        smsc.deliver("33600000001", "555", "@bob@localhost once", (short) 1); // the SMSC's retry
        assertThat(bob.next().element().childText("body", "jabber:client")).isEqualTo("once");
        bob.assertNothingMore();
        assertThat(charged()).hasSize(1);

        // jSMPP handles deliver_sm on several threads: two copies of one text must not both run, also
        // when the second comes while the first is between its command and its commit (a slow record).
        server.context().charging().setPricer(e -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
            return Charged.EVERYTHING.price(e);
        });
        for (short ref = 2; ref < 7; ref++) {
            short r = ref;
            List<Thread> both = List.of(Thread.ofPlatform().start(() -> deliverQuietly("@bob@localhost at once " + r, r)),
                    Thread.ofPlatform().start(() -> deliverQuietly("@bob@localhost at once " + r, r)));
            for (Thread t : both) t.join(5000);
        }
        for (int i = 2; i < 7; i++) bob.next();
        bob.assertNothingMore();
        assertThat(charged()).hasSize(6);
    }

    private void deliverQuietly(String text, short reference) {
        try {
            smsc.deliver("33600000001", "555", text, reference);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anMoWhoseRecordFailsIsRefusedAndItsRetryDeliveredAgainAndChargedOnce() throws Exception {
        link("offline");
        TestSession bob = server.login("bob@localhost/desk");
        server.available(bob);
        bob.clear();
        // The record fails once after the message was routed: as a crash before the commit.
        AtomicBoolean failed = new AtomicBoolean();
        server.context().charging().setPricer(e -> {
            if (failed.compareAndSet(false, true)) throw new IllegalStateException("charging store down");
            return Charged.EVERYTHING.price(e);
        });
        assertThatThrownBy(() -> smsc.deliver("33600000001", "555", "@bob@localhost retried", (short) 7))
                .as("the SMSC is told to retry").isInstanceOf(Exception.class);
        assertThat(bob.next().element().childText("body", "jabber:client")).isEqualTo("retried");
        assertThat(charged()).isEmpty();
        smsc.deliver("33600000001", "555", "@bob@localhost retried", (short) 7);
        assertThat(bob.next().element().childText("body", "jabber:client")).as("delivered twice").isEqualTo("retried");
        assertThat(charged()).as("charged once").hasSize(1);
        smsc.deliver("33600000001", "555", "@bob@localhost retried", (short) 7);
        bob.assertNothingMore();
        assertThat(charged()).hasSize(1);
    }

    private static final ESMClass UDHI = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);

    private void deliverPart(int reference, int total, int sequence, String text) throws Exception {
        smsc.deliverRaw("33600000001", "555", UDHI, (byte) 0, withHeader(reference, total, sequence, text));
    }

    /** The next message bob gets: its body. */
    private static String body(TestSession bob) {
        return bob.next().element().childText("body", "jabber:client");
    }

    /** The charging record fails once, after the text was handled: as a crash before the commit. */
    private void failNextRecord() {
        AtomicBoolean failed = new AtomicBoolean();
        server.context().charging().setPricer(e -> {
            if (failed.compareAndSet(false, true)) throw new IllegalStateException("charging store down");
            return Charged.EVERYTHING.price(e);
        });
    }

    @Test
    void aConcatenatedMoWhoseCommitFailsIsRefusedOnItsLastPartWhoseRetryAloneCompletesItAgain() throws Exception {
        link("offline");
        TestSession bob = server.login("bob@localhost/desk");
        server.available(bob);
        bob.clear();
        failNextRecord();
        deliverPart(9, 3, 1, "@bob@localhost three ");
        deliverPart(9, 3, 2, "short ");
        assertThatThrownBy(() -> deliverPart(9, 3, 3, "parts")).as("ESME_RSYSERR: the SMSC retries the last part")
                .isInstanceOfSatisfying(NegativeResponseException.class, e -> assertThat(e.getCommandStatus()).isEqualTo(0x08));
        assertThat(body(bob)).isEqualTo("three short parts");
        assertThat(charged()).isEmpty();
        assertThat(server.context().stores().sms().moTextsWaiting()).as("its parts stay").isEqualTo(1);

        deliverPart(9, 3, 3, "parts");
        assertThat(body(bob)).as("handled again").isEqualTo("three short parts");
        assertThat(charged()).as("charged once").extracting(ChargingRecord::quantity).containsExactly(3L);
        assertThat(server.context().stores().sms().moTextsWaiting()).as("deleted with the commit").isZero();
        deliverPart(9, 3, 3, "parts"); // the SMSC's retry of a text already committed: its part waits alone
        bob.assertNothingMore();
        assertThat(charged()).hasSize(1);
    }

    /** The gateway's session for alice, if it is there and available. */
    private java.util.Optional<org.passerelle.core.session.Session> onMobile() {
        return server.context().sessions().sessions(ALICE).stream()
                .filter(x -> x.jid().getResourceOrEmpty().toString().equals(MobileSession.RESOURCE) && x.isAvailable()).findFirst();
    }

    @Test
    void onIsKeptAcrossARestartAndOffToo() throws Exception {
        link("offline");
        smsc.deliver("33600000001", "555", "ON", null);
        assertThat(onMobile()).as("ON").isPresent();
        restart();
        assertThat(onMobile()).as("back after a restart").isPresent();
        assertThat(onMobile().orElseThrow().presence().element().childText("status", "jabber:client")).isEqualTo("On mobile (SMS)");
        smsc.deliver("33600000001", "555", "OFF", null);
        assertThat(onMobile()).isEmpty();
        restart();
        assertThat(onMobile()).as("OFF is kept too").isEmpty();
    }

    @Test
    void theStoredPartsOfAConcatenatedMoOutliveRestartsAndItIsChargedOnce() throws Exception {
        link("offline");
        deliverPart(4, 3, 2, "of three ");
        deliverPart(4, 3, 1, "@bob@localhost two ");
        restart();
        TestSession bob = server.login("bob@localhost/desk");
        server.available(bob);
        bob.clear();
        failNextRecord();
        assertThatThrownBy(() -> deliverPart(4, 3, 3, "parts")).isInstanceOf(NegativeResponseException.class);
        assertThat(body(bob)).as("complete after the restart").isEqualTo("two of three parts");
        assertThat(charged()).isEmpty();

        restart(); // a crash between the handling and the commit: the SMSC retries only the last part
        bob = server.login("bob@localhost/desk2");
        server.available(bob);
        bob.clear();
        deliverPart(4, 3, 3, "parts");
        assertThat(body(bob)).isEqualTo("two of three parts");
        bob.assertNothingMore();
        assertThat(charged()).as("charged once").singleElement().satisfies(c -> {
            assertThat(c.direction()).isEqualTo("in");
            assertThat(c.quantity()).isEqualTo(3L);
        });
    }

    private static byte[] withHeader(int reference, int total, int sequence, String text) {
        byte[] body = Gsm7.encode(text);
        byte[] out = new byte[6 + body.length];
        out[0] = 5;
        out[2] = 3;
        out[3] = (byte) reference;
        out[4] = (byte) total;
        out[5] = (byte) sequence;
        System.arraycopy(body, 0, out, 6, body.length);
        return out;
    }

    @Test
    void aTextToAPhoneOverTheLimitBounces() throws Exception {
        TestSession bob = server.login("bob@localhost/desk");
        server.send(bob, "<message to='+33600000042@sms.localhost' type='chat' id='long'><body>" + "y".repeat(400) + "</body></message>");
        Stanza error = bob.next();
        assertThat(error.type()).isEqualTo("error");
        assertThat(error.element().toString()).contains("not-acceptable");
        server.send(bob, "<message to='0600@sms.localhost' type='chat' id='bad'><body>x</body></message>");
        assertThat(bob.next().element().toString()).contains("item-not-found");
        smsc.assertNothing(300);
    }
}
