package org.passerelle.web.bosh;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.auth.Scram;
import org.passerelle.core.charging.Chargeable;
import org.passerelle.core.charging.Pricer;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ScramHash;
import org.passerelle.core.testing.TestServer;
import org.passerelle.web.WebListener;
import org.passerelle.xml.Element;
import org.passerelle.xmpp.c2s.C2sContext;
import org.passerelle.xmpp.c2s.EventLoops;

/** A BOSH session's data volume: the bodies of its requests ({@code out}) and answers ({@code in}), billed to who logged in. */
class BoshDataVolumeTest {
    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidOrThrow();

    private final TestServer server = new TestServer();
    private final EventLoopGroup loops = EventLoops.create(1);
    private final WebListener listener;
    private final BoshHttp bosh;
    private long sent;
    private long received;

    BoshDataVolumeTest() throws InterruptedException {
        server.context().accounts().create(ALICE, "a-pw", false);
        server.context().charging().setPricer(new Pricer() {
            @Override
            public ChargingRecord price(Chargeable e) {
                return e.quantity() == 0 ? null : new ChargingRecord(0, e.at(), e.user(), e.peer(), e.channel(), e.direction(), e.unit(),
                        e.quantity(), BigDecimal.ZERO, "EUR", "data");
            }

            @Override
            public boolean bills(String channel) {
                return channel.equals("data");
            }

            @Override
            public Duration reportInterval() {
                return Duration.ofHours(1);
            }
        });
        listener = WebListener.bind(new WebListener.Web(C2sContext.create(server.context(), null)), loops, loops, "127.0.0.1", 0, false);
        bosh = new BoshHttp(listener.port());
    }

    @AfterEach
    void stop() {
        listener.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        server.close();
    }

    /** Posts, and adds both bodies to what the client sent and received. */
    private Element post(String body) throws Exception {
        HttpResponse<String> res = bosh.post(body);
        sent += body.getBytes(StandardCharsets.UTF_8).length;
        received += res.body().getBytes(StandardCharsets.UTF_8).length;
        return BoshHttp.parse(res);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theBodiesOfASessionAreBilledToItsUserWhenItEnds() throws Exception {
        String sid = post(BoshHttp.create(100, 30)).attr("sid");
        String first = "n=alice,r=clientnonce";
        Element challenge = post(BoshHttp.request(sid, 101, "<auth xmlns='" + SASL + "' mechanism='SCRAM-SHA-256'>" + b64("n,," + first)
                + "</auth>")).child("challenge", SASL);
        assertThat(challenge).isNotNull();
        String serverFirst = new String(Base64.getDecoder().decode(challenge.text()), StandardCharsets.UTF_8);
        String nonce = serverFirst.replaceAll(".*r=([^,]*).*", "$1");
        byte[] salt = Base64.getDecoder().decode(serverFirst.replaceAll(".*s=([^,]*).*", "$1"));
        int iterations = Integer.parseInt(serverFirst.replaceAll(".*i=([0-9]*).*", "$1"));
        String finalBare = "c=biws,r=" + nonce;
        byte[] salted = Scram.saltedPassword(ScramHash.SHA_256, "a-pw", salt, iterations);
        byte[] clientKey = Scram.hmac(ScramHash.SHA_256, salted, "Client Key".getBytes(StandardCharsets.UTF_8));
        byte[] signature = Scram.hmac(ScramHash.SHA_256, Scram.h(ScramHash.SHA_256, clientKey),
                (first + "," + serverFirst + "," + finalBare).getBytes(StandardCharsets.UTF_8));
        String proof = Base64.getEncoder().encodeToString(Scram.xor(clientKey, signature));
        Element success = post(BoshHttp.request(sid, 102, "<response xmlns='" + SASL + "'>" + b64(finalBare + ",p=" + proof) + "</response>"));
        assertThat(success.child("success", SASL)).as(success.toString()).isNotNull();
        post("<body xmlns='" + BoshHttp.NS + "' rid='103' sid='" + sid + "' to='localhost' xmpp:restart='true' xmlns:xmpp='urn:xmpp:xbosh'/>");
        assertThat(dataRecords()).as("nothing before the session ends").isEmpty();
        post("<body xmlns='" + BoshHttp.NS + "' rid='104' sid='" + sid + "' type='terminate'/>");

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (dataRecords().size() < 2 && System.nanoTime() < until) Thread.sleep(10);
        List<ChargingRecord> r = dataRecords();
        assertThat(r).extracting(ChargingRecord::direction, ChargingRecord::quantity, ChargingRecord::peer)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("out", sent, "bosh"),
                        org.assertj.core.groups.Tuple.tuple("in", received, "bosh"));
    }

    private List<ChargingRecord> dataRecords() {
        return server.context().stores().charging().records(ALICE, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 0, 100);
    }
}
