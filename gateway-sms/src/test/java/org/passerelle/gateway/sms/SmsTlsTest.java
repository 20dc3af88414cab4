package org.passerelle.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.charging.Charging;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.SmsOutgoing;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.gateway.sms.smpp.SmscConnection;
import org.passerelle.gateway.sms.smpp.SmscRoutes;
import org.passerelle.gateway.sms.smpp.SmscSimulator;
import org.passerelle.gateway.sms.smpp.TestCertificate;
import org.passerelle.gateway.sms.smpp.TlsListener;
import org.slf4j.LoggerFactory;

/**
 * SMPP over TLS against the simulator: a trusted certificate naming the host binds and carries
 * SMS both ways; an untrusted certificate or another host name is refused, logged and retried,
 * and the texts queued meanwhile wait and go out once the SMSC presents a good certificate.
 */
class SmsTlsTest {
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidOrThrow();
    @TempDir
    static Path dir;
    private static TestCertificate localhost;
    private static TestCertificate stranger;

    private final MemoryStores stores = new MemoryStores();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<DeliverSm> delivered = new LinkedBlockingQueue<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private TlsListener listener;
    private SmscSimulator smsc;
    private SmscRoutes routes;
    private Outbox outbox;

    @BeforeAll
    static void certificates() throws Exception {
        long end = System.currentTimeMillis() + 10_000;
        while (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) { // SLF4J may still be starting on another thread
            assertThat(System.currentTimeMillis()).as("logback started").isLessThan(end);
            Thread.sleep(20);
        }
        localhost = TestCertificate.generate(dir, "localhost", "dns:localhost");
        stranger = TestCertificate.generate(dir, "stranger", "dns:localhost"); // right name, nobody trusts it
    }

    private void start(TestCertificate presented, String host, String trustedCertificates) throws Exception {
        start(new TlsListener(presented.serverContext()), host, trustedCertificates, null);
    }

    private void start(TlsListener tls, String host, String trustedCertificates, TestCertificate client) throws Exception {
        listener = tls;
        smsc = new SmscSimulator("esme", "pw", listener);
        SmscOptions options = new SmscOptions("sim", host, smsc.port(), "esme", "pw", null, null, null, null, true, trustedCertificates,
                client == null ? null : client.pem().toString(), client == null ? null : client.keyPem().toString());
        SmsOptions sms = new SmsOptions(true, null, "555", List.of(options), null, null, null, null, null, null, null, null);
        log.start();
        logger().setLevel(Level.INFO); // the bind's INFO line too
        logger().addAppender(log);
        SmscConnection connection = new SmscConnection(options, "555", 10, new SmscConnection.Timing(100, 200, 30_000, 5000), scheduler, workers);
        routes = new SmscRoutes(List.of(connection));
        Charging charging = new Charging(stores.charging());
        charging.setPricer(Charged.EVERYTHING);
        outbox = new Outbox(stores.sms(), routes, charging, Clock.systemUTC(), workers, scheduler, sms);
        routes.start((c, pdu) -> delivered.add(pdu), outbox::kick);
    }

    @AfterEach
    void stop() throws Exception {
        logger().detachAppender(log);
        logger().setLevel(null);
        if (outbox != null) outbox.close();
        if (routes != null) routes.close();
        if (smsc != null) smsc.close();
        workers.shutdownNow();
        scheduler.shutdownNow();
    }

    private static Logger logger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(SmscConnection.class);
    }

    private SmsOutgoing queue(String text) {
        return outbox.send(SmsOutgoing.pending(ALICE, "+33612345678", text, null, null, Clock.systemUTC().instant()));
    }

    /** Waits for {@code n} failed binds logged with {@code reason}. */
    private void awaitRefusals(int n, String reason) throws InterruptedException {
        awaitRefusals(n, reason, 10_000);
    }

    private void awaitRefusals(int n, String reason, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (refusals(reason) < n) {
            assertThat(System.currentTimeMillis()).as("%d binds refused with %s; log: %s", n, reason, messages()).isLessThan(end);
            Thread.sleep(20);
        }
    }

    private long refusals(String reason) {
        return messages().stream().filter(m -> m.contains("over TLS failed (") && m.contains(reason)).count();
    }

    private List<String> messages() {
        return List.copyOf(log.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aTrustedCertificateForTheHostBindsAndCarriesSmsBothWays() throws Exception {
        start(localhost, "localhost", localhost.pem().toString());
        smsc.awaitBound(10_000);
        SmsOutgoing sms = queue("over TLS");
        SmscSimulator.Submitted got = smsc.next(10_000);
        assertThat(got).isNotNull();
        assertThat(got.destination() + " " + got.text()).isEqualTo("33612345678 over TLS");

        smsc.deliver("33612345678", "555", "and back", null);
        DeliverSm mo = delivered.poll(10, TimeUnit.SECONDS);
        assertThat(mo).isNotNull();
        assertThat(new String(mo.getShortMessage(), StandardCharsets.US_ASCII)).isEqualTo("and back");
        assertThat(messages()).anyMatch(m -> m.contains("bound as esme to localhost:" + smsc.port() + " over TLS"));
        long end = System.currentTimeMillis() + 5000;
        while (stores.sms().outgoing(sms.id()).orElseThrow().status() != SmsOutgoing.Status.SENT) {
            assertThat(System.currentTimeMillis()).isLessThan(end);
            Thread.sleep(20);
        }
    }

    @Test
    void withoutTrustedCertificatesAPrivateCertificateIsRefusedByTheJdkTrustStore() throws Exception {
        start(localhost, "localhost", null);
        SmsOutgoing sms = queue("waits");
        awaitRefusals(2, "certification path");
        assertThat(smsc.bound()).isFalse();
        smsc.assertNothing(200);
        SmsOutgoing kept = stores.sms().outgoing(sms.id()).orElseThrow();
        assertThat(kept.status()).isEqualTo(SmsOutgoing.Status.PENDING);
        assertThat(kept.attempts()).as("an SMSC that cannot be bound costs no attempt").isZero();
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() throws Exception {
        start(localhost, "127.0.0.1", localhost.pem().toString()); // trusted, but names localhost only
        awaitRefusals(2, "127.0.0.1");
        assertThat(smsc.bound()).isFalse();
        assertThat(messages()).anyMatch(m -> m.contains("No subject alternative names matching IP address 127.0.0.1"));
    }

    @Test
    void anUntrustedCertificateIsRetriedAndQueuedTextsGoOutOnceTheSmscPresentsTheTrustedOne() throws Exception {
        start(stranger, "localhost", localhost.pem().toString());
        queue("first");
        queue("second");
        awaitRefusals(2, "certification path");
        smsc.assertNothing(200);

        smsc.stop();
        listener.use(localhost.serverContext());
        smsc.start();
        smsc.awaitBound(10_000);
        assertThat(smsc.next(10_000).text()).isEqualTo("first");
        assertThat(smsc.next(10_000).text()).isEqualTo("second");
    }

    private TlsListener askingForClientCertificates() throws Exception {
        TlsListener tls = new TlsListener(localhost.serverContext(stranger)); // the SMSC knows the client's certificate
        tls.requireClientCertificates();
        return tls;
    }

    @Test
    void aClientCertificateIsPresentedWhenTheSmscAsksForOne() throws Exception {
        start(askingForClientCertificates(), "localhost", localhost.pem().toString(), stranger);
        smsc.awaitBound(10_000);
        queue("with a client certificate");
        assertThat(smsc.next(10_000).text()).isEqualTo("with a client certificate");
    }

    @Test
    void anSmscAskingForAClientCertificateRefusesABindWithoutOne() throws Exception {
        start(askingForClientCertificates(), "localhost", localhost.pem().toString(), null);
        queue("waits");
        // In TLS 1.3 the SMSC refuses the certificate after the client's handshake: the bind times out (5 s here).
        awaitRefusals(2, "bind response", 30_000);
        assertThat(smsc.bound()).isFalse();
        smsc.assertNothing(200);
    }
}
