package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.bosh.BOSHConfiguration;
import org.jivesoftware.smack.bosh.XMPPBOSHConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityFullJid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XMPP over BOSH (XEP-0124/0206) at /http-bind: Smack's BOSH connection logs in with SCRAM on the
 * plain HTTP listener and talks to a Smack user on TCP; a raw HTTPS client shows that a session
 * outlives a dropped HTTP connection and that repeating the rid brings back the lost answer.
 */
class BoshIT {
    private static final String NS = "http://jabber.org/protocol/httpbind";
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start("tls:\n  required: false\n");
        server.user("boshuser", "bosh-rocks");
        server.user("tcpuser", "tcp-rocks");
        server.user("rawbosh", "raw-rocks");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void smackOverBoshChatsWithSmackOverTcp() throws Exception {
        XMPPTCPConnection tcp = server.connect("tcpuser", "tcp-rocks", "desk");
        XMPPBOSHConnection bosh = new XMPPBOSHConnection(BOSHConfiguration.builder()
                .setUseHttps(false).setHost("localhost").setPort(server.server().webPort(false)).setFile("/http-bind")
                .setXmppDomain("localhost").setUsernameAndPassword("boshuser", "bosh-rocks").setResource("web")
                .setSecurityMode(SecurityMode.disabled).build());
        bosh.setReplyTimeout(5000);
        try (Inbox<Message> tcpMessages = Inbox.messages(tcp); Inbox<Presence> tcpPresences = Inbox.presences(tcp, jid("boshuser"));
             Inbox<Presence> boshPresences = Inbox.presences(bosh, jid("tcpuser"))) {
            bosh.connect().login();
            assertThat(bosh.isAuthenticated()).isTrue();
            EntityFullJid boshJid = bosh.getUser();
            assertThat(boshJid.toString()).isEqualTo("boshuser@localhost/web");
            assertThat(server.server().scrapeMetrics().lines()
                    .filter(l -> l.startsWith("passerelle_sessions{") && l.contains("transport=\"bosh\"")))
                    .as("the BOSH session counted as such").singleElement().satisfies(l -> assertThat(l).endsWith(" 1.0"));

            // Directed presence both ways, then messages both ways.
            bosh.sendStanza(bosh.getStanzaFactory().buildPresenceStanza().to(tcp.getUser()).build());
            assertThat(tcpPresences.next().getType()).isEqualTo(Presence.Type.available);
            tcp.sendStanza(tcp.getStanzaFactory().buildPresenceStanza().to(boshJid).setStatus("at my desk").build());
            assertThat(boshPresences.next().getStatus()).isEqualTo("at my desk");

            try (Inbox<Message> boshMessages = Inbox.messages(bosh)) {
                tcp.sendStanza(tcp.getStanzaFactory().buildMessageStanza().to(boshJid).ofType(Message.Type.chat)
                        .setBody("hello BOSH <&> ünïcode").build());
                Message in = boshMessages.next();
                assertThat(in.getBody()).isEqualTo("hello BOSH <&> ünïcode");
                assertThat(in.getFrom().toString()).isEqualTo("tcpuser@localhost/desk");
            }
            bosh.sendStanza(bosh.getStanzaFactory().buildMessageStanza().to(tcp.getUser()).ofType(Message.Type.chat)
                    .setBody("hello TCP").build());
            Message out = tcpMessages.next();
            assertThat(out.getBody()).isEqualTo("hello TCP");
            assertThat(out.getFrom().toString()).isEqualTo(boshJid.toString());

            bosh.disconnect();
            assertThat(tcpPresences.next().getType()).as("leaving is seen as on TCP").isEqualTo(Presence.Type.unavailable);
        } finally {
            tcp.disconnect();
        }
        Await.until("the BOSH session gone from the gauge", () -> server.server().scrapeMetrics().lines()
                .anyMatch(l -> l.startsWith("passerelle_sessions{") && l.contains("transport=\"bosh\"") && l.endsWith(" 0.0")));
    }

    @Test
    void aSessionOutlivesItsConnectionAndARepeatedRidBringsBackTheLostAnswer() throws Exception {
        RawBosh raw = new RawBosh(server);
        raw.login("rawbosh", "raw-rocks");
        XMPPTCPConnection tcp = server.connect("tcpuser", "tcp-rocks", "resume");
        try (Inbox<Message> tcpMessages = Inbox.messages(tcp)) {
            // An empty request, held by the server; the client drops its connection before the answer.
            long lost = raw.nextRid();
            raw.postAndDrop(lost, "");
            Thread.sleep(300);
            tcp.sendStanza(tcp.getStanzaFactory().buildMessageStanza().to(raw.jid).ofType(Message.Type.chat)
                    .setBody("sent while the connection was gone").build());
            Thread.sleep(300);
            // On a new connection the client asks for the same rid again and gets the answer it missed.
            String again = raw.post(lost, "");
            assertThat(again).contains("sent while the connection was gone").contains("from=\"tcpuser@localhost/resume\"");
            assertThat(raw.post(lost, "")).as("the same answer each time").isEqualTo(again);
            // The session goes on.
            raw.post(raw.nextRid(), "<message xmlns='jabber:client' type='chat' to='tcpuser@localhost/resume'><body>still here</body></message>");
            assertThat(tcpMessages.next().getBody()).isEqualTo("still here");
            String end = raw.post(raw.nextRid(), "", "type='terminate'");
            assertThat(end).contains("type='terminate'");
        } finally {
            tcp.disconnect();
        }
    }

    @Test
    void aClientThatComesBackWithTheNextRidGetsWhatArrivedWhileItWasGone() throws Exception {
        server.user("reload", "reload-rocks");
        RawBosh raw = new RawBosh(server);
        raw.login("reload", "reload-rocks");
        XMPPTCPConnection tcp = server.connect("tcpuser", "tcp-rocks", "reload");
        try {
            // A web page holds a request and is reloaded: the connection closes, the rid is never repeated.
            raw.postAndDrop(raw.nextRid(), "");
            Thread.sleep(300);
            tcp.sendStanza(tcp.getStanzaFactory().buildMessageStanza().to(raw.jid).ofType(Message.Type.chat)
                    .setBody("sent during the reload").build());
            Thread.sleep(300);
            // The new page goes on with the next rid, and the message was kept for it.
            assertThat(raw.post(raw.nextRid(), "")).contains("sent during the reload");
            raw.post(raw.nextRid(), "", "type='terminate'");
        } finally {
            tcp.disconnect();
        }
    }

    @Test
    void streamManagementCountsStanzasOverBoshAsOverTcp() throws Exception {
        server.user("smbosh", "sm-rocks");
        RawBosh raw = new RawBosh(server);
        raw.login("smbosh", "sm-rocks");
        XMPPTCPConnection tcp = server.connect("tcpuser", "tcp-rocks", "sm");
        try (Inbox<Message> tcpMessages = Inbox.messages(tcp)) {
            assertThat(raw.post(raw.nextRid(), "<enable xmlns='urn:xmpp:sm:3' resume='true'/>"))
                    .contains("<enabled xmlns=\"urn:xmpp:sm:3\"").contains("resume=\"true\"");
            raw.post(raw.nextRid(), "<message xmlns='jabber:client' type='chat' to='tcpuser@localhost/sm'><body>counted</body></message>"
                    + "<r xmlns='urn:xmpp:sm:3'/>");
            // The ack may come in that answer or, if the request was sent back first, in the next one.
            String acks = raw.lastAnswer.contains("<a ") ? raw.lastAnswer : raw.post(raw.nextRid(), "");
            assertThat(acks).contains("<a xmlns=\"urn:xmpp:sm:3\" h=\"1\"/>");
            assertThat(tcpMessages.next().getBody()).isEqualTo("counted");
            raw.post(raw.nextRid(), "", "type='terminate'");
        } finally {
            tcp.disconnect();
        }
    }

    @Test
    void aSessionWithoutRequestsEndsAfterTheInactivityTimeAsADroppedConnectionDoes() throws Exception {
        try (ItServer quick = ItServer.start("bosh:\n  inactivity: 1\n")) {
            quick.user("idle", "idle-rocks");
            quick.user("watcher", "watch-rocks");
            XMPPTCPConnection tcp = quick.connect("watcher", "watch-rocks", "desk");
            try (Inbox<Presence> fromIdle = Inbox.presences(tcp, jid("idle"))) {
                RawBosh raw = new RawBosh(quick);
                raw.login("idle", "idle-rocks");
                raw.post(raw.nextRid(), "<presence xmlns='jabber:client' to='watcher@localhost/desk'/>");
                assertThat(fromIdle.next().getType()).isEqualTo(Presence.Type.available);
                // No more requests: after the wait and then the inactivity time, the session ends.
                Await.until("the idle BOSH session ended", java.time.Duration.ofSeconds(10),
                        () -> quick.server().context().sessions().sessions(jid("idle")).isEmpty());
                assertThat(fromIdle.next().getType()).isEqualTo(Presence.Type.unavailable);
                assertThat(raw.post(raw.nextRid(), "")).contains("type='terminate'");
            } finally {
                tcp.disconnect();
            }
        }
    }

    private static org.jxmpp.jid.EntityBareJid jid(String local) {
        return org.passerelle.core.stanza.Jids.of(local + "@localhost").asEntityBareJidIfPossible();
    }

    /** BOSH by hand over HTTPS, where PLAIN is offered; one request at a time. */
    private static final class RawBosh {
        private final HttpClient http;
        private final SSLContext ssl;
        private final int port;
        private long rid = 4_000_000L;
        private String sid;
        String lastAnswer = "";
        EntityFullJid jid;

        RawBosh(ItServer server) throws Exception {
            ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {server.trustManager()}, null);
            http = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build();
            port = server.server().webPort(true);
        }

        long nextRid() {
            return ++rid;
        }

        void login(String user, String password) throws Exception {
            String created = send("<body xmlns='" + NS + "' rid='" + rid + "' to='localhost' wait='3' hold='1' ver='1.11'"
                    + " xmlns:xmpp='urn:xmpp:xbosh' xmpp:version='1.0'/>");
            sid = attr(created, "sid");
            assertThat(created).contains("<mechanism>PLAIN</mechanism>");
            String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
            assertThat(post(nextRid(), "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain + "</auth>"))
                    .contains("<success");
            assertThat(post(nextRid(), "", "xmpp:restart='true' xmlns:xmpp='urn:xmpp:xbosh'")).contains("urn:ietf:params:xml:ns:xmpp-bind");
            String bound = post(nextRid(), "<iq xmlns='jabber:client' type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                    + "<resource>raw</resource></bind></iq>");
            Matcher m = Pattern.compile("<jid>([^<]+)</jid>").matcher(bound);
            assertThat(m.find()).as(bound).isTrue();
            jid = org.passerelle.core.stanza.Jids.of(m.group(1)).asEntityFullJidIfPossible();
        }

        String post(long r, String payload) throws Exception {
            return post(r, payload, "");
        }

        String post(long r, String payload, String attributes) throws Exception {
            return send(body(r, payload, attributes));
        }

        private String body(long r, String payload, String attributes) {
            return "<body xmlns='" + NS + "' rid='" + r + "' sid='" + sid + "' " + attributes + ">" + payload + "</body>";
        }

        private String send(String body) throws Exception {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/http-bind"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(200);
            lastAnswer = res.body();
            return res.body();
        }

        /** Sends a request on a connection of its own and closes it without reading the answer. */
        void postAndDrop(long r, String payload) throws Exception {
            byte[] content = body(r, payload, "").getBytes(StandardCharsets.UTF_8);
            try (Socket s = ssl.getSocketFactory().createSocket("127.0.0.1", port)) {
                OutputStream out = s.getOutputStream();
                out.write(("POST /http-bind HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: "
                        + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(content);
                out.flush();
                Thread.sleep(200);
            }
        }

        private static String attr(String xml, String name) {
            Matcher m = Pattern.compile("\\b" + name + "='([^']*)'").matcher(xml);
            assertThat(m.find()).as(xml).isTrue();
            return m.group(1);
        }
    }
}
