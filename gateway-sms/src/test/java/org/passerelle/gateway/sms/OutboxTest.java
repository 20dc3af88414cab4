package org.passerelle.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.charging.Charging;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.SmsOutgoing;
import org.passerelle.core.store.SmsStore;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.gateway.sms.smpp.SmscConnection;
import org.passerelle.gateway.sms.smpp.SmscRoutes;
import org.passerelle.gateway.sms.smpp.SmscSimulator;
import org.passerelle.gateway.sms.smpp.SmscSimulator.Submitted;

/** The outbox against the SMSC simulator: the window of outstanding submit_sm, the order of parts, refusals and timeouts. */
class OutboxTest {
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidOrThrow();
    private final MemoryStores stores = new MemoryStores();
    private final SmsStore store = stores.sms();
    private final Charging charging = new Charging(stores.charging());
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private SmscSimulator smsc;
    private SmscRoutes routes;
    private Outbox outbox;

    private void start(int window, long responseTimeoutMillis) throws Exception {
        smsc = new SmscSimulator("esme", "pw");
        SmsOptions options = new SmsOptions(true, null, "555", List.of(smsc()), 2, 5, null, null, null, null, null, window);
        SmscConnection connection = new SmscConnection(smsc(), "555", window,
                new SmscConnection.Timing(1000, 1000, 30_000, responseTimeoutMillis), scheduler, workers);
        routes = new SmscRoutes(List.of(connection));
        charging.setPricer(Charged.EVERYTHING);
        outbox = new Outbox(store, routes, charging, Clock.systemUTC(), workers, scheduler, options);
        routes.start((c, pdu) -> { }, outbox::kick);
        smsc.awaitBound(5000);
    }

    private List<ChargingRecord> charged() {
        return Charged.records(stores.charging());
    }

    private SmscOptions smsc() {
        return new SmscOptions("sim", "127.0.0.1", smsc.port(), "esme", "pw", null, null, null, null, null, null, null, null);
    }

    @AfterEach
    void stop() throws Exception {
        outbox.close();
        routes.close();
        smsc.close();
        workers.shutdownNow();
        scheduler.shutdownNow();
    }

    private SmsOutgoing queue(String phone, String text) {
        return outbox.send(SmsOutgoing.pending(ALICE, phone, text, null, null, Clock.systemUTC().instant()));
    }

    private List<Submitted> take(int n) throws InterruptedException {
        List<Submitted> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Submitted s = smsc.next(10_000);
            assertThat(s).as("submit_sm %d of %d", i + 1, n).isNotNull();
            got.add(s);
        }
        return got;
    }

    private void awaitStatus(SmsOutgoing sms, SmsOutgoing.Status status, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (store.outgoing(sms.id()).orElseThrow().status() != status) {
            assertThat(System.currentTimeMillis()).as("SMS %d %s", sms.id(), status).isLessThan(end);
            Thread.sleep(20);
        }
    }

    @Test
    void textsToDifferentNumbersShareTheWindowWhichIsNeverExceeded() throws Exception {
        start(3, 5000);
        smsc.delayResponses(200);
        List<SmsOutgoing> queued = new ArrayList<>();
        for (int i = 0; i < 12; i++) queued.add(queue("+336000001%02d".formatted(i), "text " + i));
        String longText = "part one and two ".repeat(12); // 204 characters: two parts
        queued.add(queue("+33600000200", longText));
        queued.add(queue("+33600000200", "after the long one"));

        List<Submitted> got = take(15);
        smsc.assertNothing(300);
        assertThat(smsc.takeMaxOutstanding()).as("several outstanding, at most the window").isEqualTo(3);
        for (SmsOutgoing sms : queued) awaitStatus(sms, SmsOutgoing.Status.SENT, 2000);

        List<Submitted> toOne = got.stream().filter(s -> s.destination().equals("33600000200")).toList();
        assertThat(toOne).hasSize(3);
        assertThat(toOne.get(0).message()[5]).as("part 1 first").isEqualTo((byte) 1);
        assertThat(toOne.get(1).message()[5]).as("then part 2").isEqualTo((byte) 2);
        assertThat(toOne.get(0).text() + toOne.get(1).text()).isEqualTo(longText);
        assertThat(toOne.get(2).text()).as("the next text to that number after both parts").isEqualTo("after the long one");
        assertThat(got.stream().map(Submitted::destination).distinct()).hasSize(13);
        assertThat(charged()).extracting(ChargingRecord::quantity).hasSize(14).containsOnly(1L, 2L);
        assertThat(charged().stream().mapToLong(ChargingRecord::quantity).sum()).isEqualTo(15);
        assertThat(charged()).allSatisfy(r -> {
            assertThat(r.user().toString()).isEqualTo(ALICE.toString());
            assertThat(r.channel() + " " + r.direction() + " " + r.unit()).isEqualTo("sms out segment");
        });
        assertThat(charged()).filteredOn(r -> r.peer().equals("+33600000200")).extracting(ChargingRecord::quantity)
                .containsExactlyInAnyOrder(2L, 1L);
    }

    @Test
    void aWindowOfOneSendsOneAtATime() throws Exception {
        start(1, 5000);
        smsc.delayResponses(100);
        for (int i = 0; i < 4; i++) queue("+3360000030" + i, "one at a time " + i);
        assertThat(take(4)).extracting(Submitted::text).containsExactly("one at a time 0", "one at a time 1", "one at a time 2",
                "one at a time 3");
        assertThat(smsc.takeMaxOutstanding()).isEqualTo(1);
    }

    @Test
    void aRefusalOrATimeoutPutsTheTextBackToPendingThenItIsSent() throws Exception {
        start(2, 1000);
        smsc.refuseNext(1);
        SmsOutgoing refused = queue("+33600000401", "refused once");
        long end = System.currentTimeMillis() + 3000;
        while (store.outgoing(refused.id()).orElseThrow().attempts() == 0) {
            assertThat(System.currentTimeMillis()).as("the refusal counted").isLessThan(end);
            Thread.sleep(20);
        }
        assertThat(store.outgoing(refused.id()).orElseThrow().status()).isEqualTo(SmsOutgoing.Status.PENDING);
        assertThat(charged()).isEmpty();
        awaitStatus(refused, SmsOutgoing.Status.SENT, 6000);
        assertThat(smsc.next(500).text()).as("taken at the second attempt").isEqualTo("refused once");
        assertThat(charged()).hasSize(1);

        smsc.delayResponses(1500); // longer than the response timeout
        SmsOutgoing late = queue("+33600000402", "answered too late");
        assertThat(smsc.next(3000).text()).isEqualTo("answered too late");
        end = System.currentTimeMillis() + 3000;
        while (store.outgoing(late.id()).orElseThrow().attempts() == 0) {
            assertThat(System.currentTimeMillis()).as("the timeout counted").isLessThan(end);
            Thread.sleep(20);
        }
        assertThat(store.outgoing(late.id()).orElseThrow().status()).isEqualTo(SmsOutgoing.Status.PENDING);

        assertThat(charged()).hasSize(1);
        smsc.delayResponses(0);
        awaitStatus(late, SmsOutgoing.Status.SENT, 6000);
        assertThat(smsc.next(500).text()).as("sent again: at least once").isEqualTo("answered too late");
        smsc.assertNothing(500);
        assertThat(charged()).hasSize(2);
    }

    @Test
    void aTextOutstandingWhenTheBindDropsWaitsForTheNextBindWithoutCountingAnAttempt() throws Exception {
        start(2, 2000); // the new bind (after 1 s) is up before the lost submit_sm times out
        smsc.delayResponses(3000);
        SmsOutgoing cut = queue("+33600000501", "cut off");
        assertThat(smsc.next(3000).text()).isEqualTo("cut off");
        smsc.delayResponses(0);
        smsc.dropBinds(); // its response never comes; the client reconnects after a second
        awaitStatus(cut, SmsOutgoing.Status.SENT, 8000);
        assertThat(smsc.next(500).text()).as("sent again on the new bind").isEqualTo("cut off");
        assertThat(store.outgoing(cut.id()).orElseThrow().attempts()).as("a lost bind is not the text's fault").isZero();
        smsc.assertNothing(500);
        assertThat(charged()).extracting(ChargingRecord::quantity).containsExactly(1L);
    }

    @Test
    void aTextWhoseOutcomeCannotBeStoredStaysPendingUnchargedAndIsNotSentAgainAtOnce() throws Exception {
        start(2, 5000);
        charging.setPricer(e -> {
            throw new IllegalStateException("charging store down");
        });
        SmsOutgoing sms = queue("+33600000601", "taken, not recorded");
        assertThat(smsc.next(3000).text()).isEqualTo("taken, not recorded");
        smsc.assertNothing(1500); // a failing store must not make a loop of SMS
        assertThat(store.outgoing(sms.id()).orElseThrow().status()).isEqualTo(SmsOutgoing.Status.PENDING);
        assertThat(charged()).isEmpty();
        charging.setPricer(Charged.EVERYTHING);
        SmsOutgoing other = queue("+33600000601", "queued behind it");
        smsc.assertNothing(500); // texts to one number keep their order
        assertThat(store.outgoing(other.id()).orElseThrow().status()).isEqualTo(SmsOutgoing.Status.PENDING);
    }
}
