package org.passerelle.modules.proxy65;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.core.testing.Xml;
import org.passerelle.xml.Element;

class Proxy65ModuleTest {
    private static final String NS = Proxy65Module.NS;

    private final TestServer server = new TestServer(
            "modules: {proxy65: {enabled: true, listenHost: 127.0.0.1, port: 0, timeoutSeconds: 2}}", new Proxy65Module());
    private final TestSession alice = server.login("alice@localhost/a");
    private final TestSession bob = server.login("bob@localhost/b");

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void describesItselfAsABytestreamsProxy() {
        server.send(alice, "<iq type='get' id='i' to='proxy.localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        Element q = alice.next().element().firstElement();
        Element identity = q.child("identity", "http://jabber.org/protocol/disco#info");
        assertThat(identity.attr("category")).isEqualTo("proxy");
        assertThat(identity.attr("type")).isEqualTo("bytestreams");
        assertThat(q.children("feature", "http://jabber.org/protocol/disco#info")).extracting(f -> f.attr("var")).contains(NS);
    }

    @Test
    void announcesItsStreamhost() {
        Element host = streamhost();
        assertThat(host.attr("jid")).isEqualTo("proxy.localhost");
        assertThat(host.attr("host")).isEqualTo("127.0.0.1");
        assertThat(Integer.parseInt(host.attr("port"))).isPositive();
    }

    @Test
    void relaysBothWaysAfterTheInitiatorActivates() throws IOException {
        int port = Integer.parseInt(streamhost().attr("port"));
        String hash = StreamHash.of("s1", "alice@localhost/a", "bob@localhost/b");
        try (Socket target = Socks5Client.connect(port, hash); Socket initiator = Socks5Client.connect(port, hash)) {
            activate(bob, "s1", "bob@localhost/b");
            assertThat(bob.next().type()).as("bob is not the initiator").isEqualTo("error");
            activate(alice, "s1", "bob@localhost/b");
            assertThat(alice.next().type()).isEqualTo("result");
            initiator.getOutputStream().write("hello bob".getBytes(StandardCharsets.UTF_8));
            assertThat(read(target.getInputStream(), 9)).isEqualTo("hello bob");
            target.getOutputStream().write("hi".getBytes(StandardCharsets.UTF_8));
            assertThat(read(initiator.getInputStream(), 2)).isEqualTo("hi");
            initiator.close();
            assertThat(target.getInputStream().read()).as("end of stream passed on").isEqualTo(-1);
        }
    }

    @Test
    void aStreamIsCutAtMaxTransferBytes() throws IOException {
        try (TestServer limited = new TestServer("modules: {proxy65: {enabled: true, listenHost: 127.0.0.1, port: 0, maxTransferBytes: 1000}}",
                new Proxy65Module())) {
            TestSession a = limited.login("alice@localhost/a");
            limited.login("bob@localhost/b");
            limited.send(a, "<iq type='get' id='q' to='proxy.localhost'><query xmlns='" + NS + "'/></iq>");
            int port = Integer.parseInt(a.next().element().firstElement().child("streamhost", NS).attr("port"));
            String hash = StreamHash.of("s5", "alice@localhost/a", "bob@localhost/b");
            try (Socket target = Socks5Client.connect(port, hash); Socket initiator = Socks5Client.connect(port, hash)) {
                limited.send(a, "<iq type='set' id='act' to='proxy.localhost'><query xmlns='" + NS + "' sid='s5'><activate>bob@localhost/b</activate></query></iq>");
                assertThat(a.next().type()).isEqualTo("result");
                initiator.getOutputStream().write(new byte[600]);
                assertThat(target.getInputStream().readNBytes(600)).hasSize(600);
                initiator.getOutputStream().write(new byte[600]);
                assertThat(target.getInputStream().readAllBytes()).as("cut before the limit is passed").isEmpty();
            }
        }
    }

    @Test
    void refusesConnectionsOverMaxConnections() throws IOException {
        try (TestServer limited = new TestServer("modules: {proxy65: {enabled: true, listenHost: 127.0.0.1, port: 0, maxConnections: 2}}",
                new Proxy65Module())) {
            TestSession a = limited.login("alice@localhost/a");
            limited.send(a, "<iq type='get' id='q' to='proxy.localhost'><query xmlns='" + NS + "'/></iq>");
            int port = Integer.parseInt(a.next().element().firstElement().child("streamhost", NS).attr("port"));
            try (Socket one = Socks5Client.connect(port, StreamHash.of("x", "a@localhost/1", "b@localhost/2"));
                 Socket two = Socks5Client.connect(port, StreamHash.of("y", "a@localhost/1", "b@localhost/2"))) {
                assertThatThrownBy(() -> Socks5Client.connect(port, StreamHash.of("z", "a@localhost/1", "b@localhost/2")).close())
                        .isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void activationNeedsBothConnections() throws IOException {
        int port = Integer.parseInt(streamhost().attr("port"));
        try (Socket target = Socks5Client.connect(port, StreamHash.of("s2", "alice@localhost/a", "bob@localhost/b"))) {
            activate(alice, "s2", "bob@localhost/b");
            Stanza reply = alice.next();
            assertThat(reply.type()).isEqualTo("error");
            assertThat(reply.toString()).contains("item-not-found");
        }
    }

    @Test
    void closesAConnectionNeverActivated() throws IOException {
        int port = Integer.parseInt(streamhost().attr("port"));
        try (Socket target = Socks5Client.connect(port, StreamHash.of("s3", "alice@localhost/a", "bob@localhost/b"))) {
            target.setSoTimeout(5000);
            assertThat(target.getInputStream().read()).isEqualTo(-1); // closed after timeoutSeconds (2)
        }
    }

    @Test
    void badSocksInputClosesOnlyThatConnection() throws IOException {
        int port = Integer.parseInt(streamhost().attr("port"));
        try (Socket bad = new Socket("127.0.0.1", port)) {
            bad.setSoTimeout(5000);
            bad.getOutputStream().write(new byte[] {4, 1, 0, 80, 127, 0, 0, 1, 0});
            assertThat(bad.getInputStream().read()).isEqualTo(-1);
        }
        String hash = StreamHash.of("s4", "alice@localhost/a", "bob@localhost/b");
        try (Socket target = Socks5Client.connect(port, hash)) {
            assertThat(target.isConnected()).isTrue();
        }
    }

    @Test
    void accountsOfOtherServersAreRefused() throws InterruptedException {
        BlockingQueue<Stanza> toRemote = new LinkedBlockingQueue<>();
        server.context().router().setRemoteRoute(s -> toRemote.add(s));
        Jid eve = Jids.of("eve@elsewhere.example/e");
        for (String query : new String[] {"<query xmlns='" + NS + "'/>", "<query xmlns='" + NS + "' sid='s'><activate>bob@localhost/b</activate></query>"}) {
            String type = query.contains("activate") ? "set" : "get";
            server.route(Stanza.of(Xml.parse("<iq xmlns='jabber:client' type='" + type + "' id='q'>" + query + "</iq>"), eve, Jids.of("proxy.localhost")));
            Stanza reply = toRemote.poll(5, TimeUnit.SECONDS);
            assertThat(reply).isNotNull();
            assertThat(reply.to().toString()).isEqualTo(eve.toString());
            assertThat(reply.toString()).contains("forbidden");
        }
    }

    private Element streamhost() {
        server.send(alice, "<iq type='get' id='q' to='proxy.localhost'><query xmlns='" + NS + "'/></iq>");
        Stanza reply = alice.next();
        assertThat(reply.type()).as(reply.toString()).isEqualTo("result");
        return reply.element().firstElement().child("streamhost", NS);
    }

    private void activate(TestSession who, String sid, String target) {
        server.send(who, "<iq type='set' id='act' to='proxy.localhost'><query xmlns='" + NS + "' sid='" + sid + "'><activate>"
                + target + "</activate></query></iq>");
    }

    private static String read(InputStream in, int n) throws IOException {
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
