package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnection;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnectionConfiguration;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.websocket.XmppWebSocketTransportModuleDescriptor;
import org.jivesoftware.smack.XMPPConnection;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Smack 4.5's WebSocket transport against the web listener: login and chat with a TCP user over
 * ws://. Over wss:// the stream is driven by hand with the JDK's WebSocket client: Smack builds one
 * static HttpClient with the JVM's default trust, so it cannot be told to trust this server's
 * certificate; and Smack's modular connection has no stream management yet, so resumption over
 * WebSocket (XEP-0198 on RFC 7395) is driven by hand too: the stream is dropped and resumed on a
 * new WebSocket, and what was sent meanwhile arrives once.
 */
class WebSocketSmackIT {
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start("tls:\n  required: false\n");
        server.user("wanda", "w-pw");
        server.user("tom", "t-pw");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static ModularXmppClientToServerConnection overWebSocket(String url, String user, String password)
            throws Exception {
        var b = ModularXmppClientToServerConnectionConfiguration.builder()
                .setXmppDomain("localhost")
                .setUsernameAndPassword(user, password)
                .setResource("browser")
                .setSecurityMode(SecurityMode.disabled);
        b.removeAllModules();
        b.addModule(XmppWebSocketTransportModuleDescriptor.getBuilder(b).explicitlySetWebSocketEndpoint(URI.create(url)).build());
        ModularXmppClientToServerConnection c = new ModularXmppClientToServerConnection(b.build());
        c.setReplyTimeout(5000);
        c.connect().login();
        return c;
    }

    private static LinkedBlockingQueue<Message> inbox(XMPPConnection c) {
        LinkedBlockingQueue<Message> in = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> in.add((Message) s), s -> s instanceof Message m && m.getBody() != null);
        return in;
    }

    private static void chat(XMPPConnection web) throws Exception {
        XMPPTCPConnection tcp = server.connect("tom", "t-pw", "desk");
        LinkedBlockingQueue<Message> tomGets = inbox(tcp);
        LinkedBlockingQueue<Message> wandaGets = inbox(web);
        web.sendStanza(web.getStanzaFactory().buildMessageStanza().to(JidCreate.from("tom@localhost/desk"))
                .ofType(Message.Type.chat).setBody("from the browser").build());
        Message got = tomGets.poll(5, TimeUnit.SECONDS);
        assertThat(got).as("tom got wanda's message").isNotNull();
        assertThat(got.getBody()).isEqualTo("from the browser");
        assertThat(got.getFrom().toString()).isEqualTo("wanda@localhost/browser");
        tcp.sendStanza(tcp.getStanzaFactory().buildMessageStanza().to(got.getFrom()).ofType(Message.Type.chat)
                .setBody("from the desk").build());
        Message back = wandaGets.poll(5, TimeUnit.SECONDS);
        assertThat(back).as("wanda got tom's answer").isNotNull();
        assertThat(back.getBody()).isEqualTo("from the desk");
        tcp.disconnect();
    }

    @Test
    void smackOverPlainWebSocketLogsInAndChatsWithATcpUser() throws Exception {
        var web = overWebSocket("ws://127.0.0.1:" + server.server().webPort(false) + "/xmpp-websocket", "wanda", "w-pw");
        assertThat(web.isAuthenticated()).isTrue();
        assertThat(web.getUser().toString()).isEqualTo("wanda@localhost/browser");
        chat(web);
        web.disconnect();
    }

    private static SSLContext trustingTheServer() throws Exception {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {server.trustManager()}, null);
        return ssl;
    }

    @Test
    void aDroppedWebSocketStreamIsResumedOnANewConnectionWithWhatWasSentMeanwhile() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trustingTheServer()).build();
        String url = "wss://localhost:" + server.server().webPort(true) + "/xmpp-websocket";

        RawWebSocket first = loggedIn(https, url);
        first.send("<iq xmlns='jabber:client' type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + "<resource>phone</resource></bind></iq>");
        assertThat(first.next()).contains("type=\"result\"").contains("wanda@localhost/phone");
        first.send("<enable xmlns='urn:xmpp:sm:3' resume='true'/>");
        Matcher enabled = Pattern.compile("<enabled [^>]*id=\"([^\"]+)\"").matcher(first.next());
        assertThat(enabled.find()).as("stream management enabled with resumption").isTrue();

        XMPPTCPConnection tom = server.connect("tom", "t-pw", "pc");
        send(tom, "one");
        assertThat(first.next()).contains("<body>one</body>");
        first.abort(); // whether or not the server noticed yet, unacknowledged stanzas wait for the resumption
        send(tom, "two");
        send(tom, "three");

        RawWebSocket second = loggedIn(https, url);
        second.send("<resume xmlns='urn:xmpp:sm:3' previd='" + enabled.group(1) + "' h='1'/>");
        assertThat(second.next()).startsWith("<resumed").contains("h=\"0\"");
        assertThat(second.next()).as("'one' was acknowledged, so it is not sent again").contains("<body>two</body>");
        assertThat(second.next()).contains("<body>three</body>");
        send(tom, "four");
        assertThat(second.next()).as("the resumed stream is the live session").contains("<body>four</body>");
        tom.disconnect();
    }

    /** A WebSocket stream authenticated with PLAIN (offered over HTTPS) and restarted, ready to bind or resume. */
    private static RawWebSocket loggedIn(HttpClient https, String url) {
        RawWebSocket ws = RawWebSocket.open(https, url);
        assertThat(ws.next()).startsWith("<features").contains("<mechanism>PLAIN</mechanism>");
        String credentials = Base64.getEncoder().encodeToString("\0wanda\0w-pw".getBytes(StandardCharsets.UTF_8));
        ws.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials + "</auth>");
        assertThat(ws.next()).startsWith("<success");
        ws.reopen();
        assertThat(ws.next()).startsWith("<features").contains("urn:xmpp:sm:3");
        return ws;
    }

    private static void send(XMPPTCPConnection from, String body) throws Exception {
        from.sendStanza(from.getStanzaFactory().buildMessageStanza().to(JidCreate.from("wanda@localhost/phone"))
                .ofType(Message.Type.chat).setBody(body).build());
    }
}
