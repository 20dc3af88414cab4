package org.passerelle.web.bosh;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.testing.TestServer;
import org.passerelle.web.WebListener;
import org.passerelle.xml.Element;
import org.passerelle.xmpp.c2s.C2sContext;
import org.passerelle.xmpp.c2s.EventLoops;

/** BOSH on a real HTTP listener (no TLS), against the core of a test server: the binding rules of XEP-0124. */
class BoshEndpointTest {
    private static final String STREAMS = "http://etherx.jabber.org/streams";
    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";

    private final TestServer server = new TestServer("limits:\n  stanzaBytes: 20000\n  xmlDepth: 8\nbosh:\n  inactivity: 2\n  loginsPerAddress: 3\n");
    private final EventLoopGroup loops = EventLoops.create(1);
    private final WebListener listener;
    private final BoshHttp bosh;

    BoshEndpointTest() throws InterruptedException {
        listener = WebListener.bind(new WebListener.Web(C2sContext.create(server.context(), null)),
                loops, loops, "127.0.0.1", 0, false);
        bosh = new BoshHttp(listener.port());
    }

    @AfterEach
    void stop() {
        listener.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        server.close();
    }

    @Test
    void creationAnswersWithTheTermsAndTheStreamFeatures() throws Exception {
        HttpResponse<String> res = bosh.post(BoshHttp.create(1000, 300));
        Element body = BoshHttp.parse(res);
        assertThat(res.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(body.attr("sid")).matches("[0-9a-f]{32}");
        assertThat(body.attr("wait")).as("capped at the server's longest wait").isEqualTo("60");
        assertThat(body.attr("hold")).isEqualTo("1");
        assertThat(body.attr("requests")).isEqualTo("2");
        assertThat(body.attr("inactivity")).isEqualTo("2");
        assertThat(body.attr("polling")).isEqualTo("2");
        assertThat(body.attr("ver")).as("the client's lower version").isEqualTo("1.6");
        assertThat(body.attr("from")).isEqualTo("localhost");
        assertThat(body.attr("authid")).isNotBlank();
        assertThat(body.attr("xmpp:version")).isEqualTo("1.0");
        assertThat(body.attr("xmpp:restartlogic")).isEqualTo("true");
        assertThat(body.attr("xmlns:xmpp")).isEqualTo("urn:xmpp:xbosh");
        Element features = body.child("features", STREAMS);
        assertThat(features).as(res.body()).isNotNull();
        assertThat(features.child("mechanisms", SASL).children("mechanism", SASL)).extracting(Element::text).contains("SCRAM-SHA-256")
                .doesNotContain("PLAIN");
        assertThat(res.body()).contains("<stream:features>");
        assertThat(bosh.post(BoshHttp.create(2000, 30)).body()).as("a new session each time")
                .doesNotContain("sid='" + body.attr("sid") + "'");
    }

    @Test
    void aRepeatedRidGetsTheSameAnswerAgain() throws Exception {
        String sid = bosh.body(BoshHttp.create(10, 5)).attr("sid");
        // The SCRAM challenge carries a fresh server nonce: answering the request twice would differ.
        String auth = BoshHttp.request(sid, 11, "<auth xmlns='" + SASL + "' mechanism='SCRAM-SHA-1'>biwsbj1hbGljZSxyPWFiY2RlZmdo</auth>");
        HttpResponse<String> first = bosh.post(auth);
        Element challenge = BoshHttp.parse(first).child("challenge", SASL);
        assertThat(challenge).as(first.body()).isNotNull();
        HttpResponse<String> again = bosh.post(auth);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(bosh.post(BoshHttp.request(sid, 11, "")).body()).as("the rid decides, not the payload").isEqualTo(first.body());
    }

    @Test
    void aRidBeyondTheWindowEndsTheSession() throws Exception {
        String sid = bosh.body(BoshHttp.create(10, 5)).attr("sid");
        Element end = bosh.body(BoshHttp.request(sid, 13, ""));
        assertThat(end.attr("type")).isEqualTo("terminate");
        assertThat(end.attr("condition")).isEqualTo("item-not-found");
        assertThat(bosh.body(BoshHttp.request(sid, 11, "")).attr("type")).as("the session is over").isEqualTo("terminate");
    }

    @Test
    void aRidTooOldToRememberEndsTheSession() throws Exception {
        String sid = bosh.body(BoshHttp.create(10, 1)).attr("sid");
        for (long rid = 11; rid <= 13; rid++) assertThat(bosh.body(BoshHttp.request(sid, rid, "")).attr("type")).isNull();
        Element end = bosh.body(BoshHttp.request(sid, 10, ""));
        assertThat(end.attr("condition")).as("only the last 'requests' answers are kept").isEqualTo("item-not-found");
    }

    @Test
    void anUnknownSidIsItemNotFound() throws Exception {
        Element end = bosh.body(BoshHttp.request("0123456789abcdef0123456789abcdef", 5, ""));
        assertThat(end.attr("type")).isEqualTo("terminate");
        assertThat(end.attr("condition")).isEqualTo("item-not-found");
    }

    @Test
    void malformedXmlIsBadRequestAndEndsTheSessionItNames() throws Exception {
        Element anonymous = bosh.body("<body xmlns='" + BoshHttp.NS + "' rid='1'><presence></body>");
        assertThat(anonymous.attr("condition")).isEqualTo("bad-request");
        assertThat(bosh.body("<html/>").attr("condition")).isEqualTo("bad-request");
        String sid = bosh.body(BoshHttp.create(10, 5)).attr("sid");
        Element end = bosh.body(BoshHttp.request(sid, 11, "<presence>"));
        assertThat(end.attr("type")).isEqualTo("terminate");
        assertThat(end.attr("condition")).isEqualTo("bad-request");
        assertThat(bosh.body(BoshHttp.request(sid, 12, "")).attr("type")).isEqualTo("terminate");
    }

    @Test
    void aDtdIsRefusedAndNothingIsExpanded() throws Exception {
        String dtd = "<?xml version='1.0'?><!DOCTYPE body [<!ENTITY big 'boom'>]>";
        assertThat(bosh.body(dtd + BoshHttp.create(1, 5)).attr("condition")).isEqualTo("bad-request");
        String sid = bosh.body(BoshHttp.create(10, 5)).attr("sid");
        HttpResponse<String> res = bosh.post(dtd + BoshHttp.request(sid, 11, "<message to='a@localhost'><body>&big;</body></message>"));
        Element end = BoshHttp.parse(res);
        assertThat(end.attr("condition")).as("a stream error, as on TCP").isEqualTo("remote-stream-error");
        assertThat(end.child("error", STREAMS).child("restricted-xml", "urn:ietf:params:xml:ns:xmpp-streams")).as(res.body()).isNotNull();
        assertThat(res.body()).doesNotContain("boom");
    }

    @Test
    void aStanzaOverTheLimitsIsTheTcpStreamErrorInATerminateBody() throws Exception {
        String sid = bosh.body(BoshHttp.create(10, 5)).attr("sid");
        String deep = "<a>".repeat(9) + "</a>".repeat(9);
        HttpResponse<String> res = bosh.post(BoshHttp.request(sid, 11, "<message xmlns='jabber:client'>" + deep + "</message>"));
        Element end = BoshHttp.parse(res);
        assertThat(end.attr("type")).isEqualTo("terminate");
        assertThat(end.attr("condition")).isEqualTo("remote-stream-error");
        assertThat(end.child("error", STREAMS).child("policy-violation", "urn:ietf:params:xml:ns:xmpp-streams")).as(res.body()).isNotNull();
    }

    @Test
    void aBodyOverTheStanzaLimitIs413() throws Exception {
        String sid = bosh.body(BoshHttp.create(10, 5)).attr("sid");
        String big = "<message xmlns='jabber:client'><body>" + "x".repeat(20_000) + "</body></message>";
        assertThat(bosh.post(BoshHttp.request(sid, 11, big)).statusCode()).isEqualTo(413);
    }

    @Test
    void aHeldRequestGetsAnEmptyBodyWhenTheWaitRunsOut() throws Exception {
        String sid = bosh.body(BoshHttp.create(10, 1)).attr("sid");
        long start = System.nanoTime();
        Element empty = bosh.body(BoshHttp.request(sid, 11, ""));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(empty.attributes()).isEmpty();
        assertThat(empty.children()).isEmpty();
        assertThat(millis).as("held for the wait").isBetween(800L, 5000L);
    }

    @Test
    void aNewRequestBeyondHoldSendsTheOlderOneBack() throws Exception {
        String sid = bosh.body(BoshHttp.create(10, 30)).attr("sid");
        CompletableFuture<HttpResponse<String>> held = bosh.postAsync(BoshHttp.request(sid, 11, ""));
        Thread.sleep(200);
        assertThat(held).isNotDone();
        CompletableFuture<HttpResponse<String>> next = bosh.postAsync(BoshHttp.request(sid, 12, ""));
        assertThat(BoshHttp.parse(held.get(5, TimeUnit.SECONDS)).children()).isEmpty();
        Thread.sleep(200);
        assertThat(next).as("now the one held").isNotDone();
        Element end = bosh.body("<body xmlns='" + BoshHttp.NS + "' rid='13' sid='" + sid + "' type='terminate'/>");
        assertThat(end.attr("type")).isEqualTo("terminate");
        assertThat(BoshHttp.parse(next.get(5, TimeUnit.SECONDS)).attr("type")).as("the held one learns the end too").isEqualTo("terminate");
    }

    @Test
    void requestsAreTakenInRidOrder() throws Exception {
        String sid = bosh.body(BoshHttp.create(10, 30)).attr("sid");
        // rid 12 first: it waits for 11. Then 11 (SASL auth) and 12 (the abort) run in that order.
        CompletableFuture<HttpResponse<String>> second = bosh.postAsync(BoshHttp.request(sid, 12, "<abort xmlns='" + SASL + "'/>"));
        Thread.sleep(300);
        assertThat(second).isNotDone();
        CompletableFuture<HttpResponse<String>> first = bosh.postAsync(BoshHttp.request(sid, 11,
                "<auth xmlns='" + SASL + "' mechanism='SCRAM-SHA-1'>biwsbj1hbGljZSxyPWFiY2RlZmdo</auth>"));
        String answers = first.get(5, TimeUnit.SECONDS).body() + second.get(5, TimeUnit.SECONDS).body();
        if (!answers.contains("<failure")) answers += bosh.post(BoshHttp.request(sid, 13, "")).body();
        assertThat(answers).contains("<challenge").contains("<failure");
        assertThat(answers.indexOf("<challenge")).isLessThan(answers.indexOf("<failure"));
    }

    @Test
    void terminateEndsTheSession() throws Exception {
        String sid = bosh.body(BoshHttp.create(10, 5)).attr("sid");
        Element end = bosh.body("<body xmlns='" + BoshHttp.NS + "' rid='11' sid='" + sid + "' type='terminate'/>");
        assertThat(end.attr("type")).isEqualTo("terminate");
        assertThat(end.attr("condition")).isNull();
        assertThat(bosh.body(BoshHttp.request(sid, 12, "")).attr("type")).isEqualTo("terminate");
    }

    @Test
    void aSessionWithoutRequestsEndsAfterTheInactivityTime() throws Exception {
        String sid = bosh.body(BoshHttp.create(10, 5)).attr("sid");
        Thread.sleep(3000);
        assertThat(bosh.body(BoshHttp.request(sid, 11, "")).attr("type")).isEqualTo("terminate");
    }

    @Test
    void aRequestWaitingForAMissingRidDoesNotKeepTheSessionAlive() throws Exception {
        String sid = bosh.body(BoshHttp.create(10, 30)).attr("sid");
        CompletableFuture<HttpResponse<String>> early = bosh.postAsync(BoshHttp.request(sid, 12, ""));
        Element end = BoshHttp.parse(early.get(6, TimeUnit.SECONDS));
        assertThat(end.attr("type")).as("ended by inactivity, not held for the wait").isEqualTo("terminate");
    }

    @Test
    void anAddressHasABoundedNumberOfSessionsBeforeTheyAuthenticate() throws Exception {
        String first = bosh.body(BoshHttp.create(10, 5)).attr("sid");
        assertThat(bosh.body(BoshHttp.create(20, 5)).attr("sid")).isNotNull();
        assertThat(bosh.body(BoshHttp.create(30, 5)).attr("sid")).isNotNull();
        Element refused = bosh.body(BoshHttp.create(40, 5));
        assertThat(refused.attr("type")).isEqualTo("terminate");
        assertThat(refused.attr("condition")).isEqualTo("policy-violation");
        bosh.body("<body xmlns='" + BoshHttp.NS + "' rid='11' sid='" + first + "' type='terminate'/>");
        assertThat(bosh.body(BoshHttp.create(50, 5)).attr("sid")).as("an ended session counts no more").isNotNull();
    }

    @Test
    void creationNeedsARidAndAHostedDomain() throws Exception {
        assertThat(bosh.body("<body xmlns='" + BoshHttp.NS + "' to='localhost' wait='5' hold='1'/>").attr("condition")).isEqualTo("bad-request");
        assertThat(bosh.body(BoshHttp.create(1, 5).replace("to='localhost'", "to='elsewhere.example'")).attr("condition"))
                .isEqualTo("host-unknown");
    }

    @Test
    void browsersGetCorsAndAHintOnGet() throws Exception {
        HttpResponse<String> preflight = bosh.send(HttpRequest.newBuilder().method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://chat.example").header("Access-Control-Request-Method", "POST"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValueSatisfying(v -> assertThat(v).contains("POST"));
        assertThat(preflight.headers().firstValue("access-control-allow-headers")).hasValueSatisfying(v -> assertThat(v).contains("Content-Type"));
        HttpResponse<String> get = bosh.send(HttpRequest.newBuilder().GET());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).contains("BOSH");
        assertThat(bosh.send(HttpRequest.newBuilder().PUT(HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(405);
    }
}
